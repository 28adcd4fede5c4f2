import { describe, expect, it } from 'vitest';
import { i18n } from '../../../lib/i18n';
import { progressMessage, sourceName, stageLabel } from './labels';

describe('progressMessage', () => {
  const run = { messageKey: 'students.call', messageParams: { campus: 37, campuses: 100, campusName: 'مرکز اصفهان', term: '4023' } };

  it('should write the campus count in Persian digits and the term code decoded when the language is fa', () => {
    expect(progressMessage(i18n.getFixedT('fa', 'sync'), run, 'fa')).toBe('پردیس ۳۷ از ۱۰۰ (مرکز اصفهان)، تابستان ۱۴۰۲');
  });

  it('should keep Latin digits and name the term when the language is en', () => {
    expect(progressMessage(i18n.getFixedT('en', 'sync'), run, 'en')).toBe('Campus 37 of 100 (مرکز اصفهان), Summer 1402');
  });
});

describe("texts from a source's locale file", () => {
  const t = i18n.getFixedT('en', 'sync');

  it("should read a source's name, own stages and messages from its file and the core's stages and command output from sync", () => {
    expect(sourceName(t, 'moodle')).toBe('Moodle');
    expect(stageLabel(t, 'moodle', 'analyzing_content')).toBe('Analysing course contents');
    expect(stageLabel(t, 'moodle', 'connecting')).toBe('Connecting to the source');
    expect(progressMessage(t, { messageKey: 'moodle.courses', messageParams: { done: 3, total: 12 } }, 'en')).toBe('Course 3 of 12');
    expect(progressMessage(t, { messageKey: 'command.output', messageParams: { line: 'ok' } }, 'en')).toBe('Output: ok');
  });

  it('should fall back to the raw id and stage when a source has no file yet', () => {
    expect(sourceName(t, 'library')).toBe('library');
    expect(stageLabel(t, 'library', 'lending')).toBe('lending');
    expect(progressMessage(t, { messageKey: 'library.page', messageParams: {} }, 'en')).toBeNull();
  });
});
