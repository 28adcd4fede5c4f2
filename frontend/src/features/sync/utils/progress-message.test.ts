import { describe, expect, it } from 'vitest';
import { i18n } from '../../../lib/i18n';
import { progressMessage } from './labels';

describe('progressMessage', () => {
  const run = { messageKey: 'students.call', messageParams: { campus: 37, campuses: 100, campusName: 'مرکز اصفهان', term: '4023' } };

  it('should write the campus count and the term code in Persian digits, the code ungrouped, when the language is fa', () => {
    expect(progressMessage(i18n.getFixedT('fa', 'sync'), run, 'fa')).toBe('پردیس ۳۷ از ۱۰۰ (مرکز اصفهان)، نیمسال ۴۰۲۳');
  });

  it('should keep Latin digits when the language is en', () => {
    expect(progressMessage(i18n.getFixedT('en', 'sync'), run, 'en')).toBe('Campus 37 of 100 (مرکز اصفهان), term 4023');
  });
});
