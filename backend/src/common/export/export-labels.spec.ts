import { AUDIT_ACTIONS, ERROR_KINDS, RUN_MODES, RUN_STATUSES, RUN_TRIGGERS } from '@hamgam/shared';
import { EXPORT_LABELS, EXPORT_LANGUAGES, exportLanguage, labelOf, sourceNamer } from './export-labels';

describe('export labels', () => {
  describe.each(EXPORT_LANGUAGES)('in %s', (lang) => {
    const labels = EXPORT_LABELS[lang];
    it.each([
      ['statuses', RUN_STATUSES, labels.statuses],
      ['triggers', RUN_TRIGGERS, labels.triggers],
      ['error kinds', ERROR_KINDS, labels.errorKinds],
      ['modes', RUN_MODES, labels.modes],
      ['audit actions', AUDIT_ACTIONS, labels.auditActions],
    ])('should label every one of the shared %s and nothing else when the list changes', (_name, values, dictionary) => {
      expect(Object.keys(dictionary).sort()).toEqual([...values].sort());
      for (const value of values) expect((dictionary as Record<string, string>)[value].trim()).not.toBe('');
    });
  });

  it('should name a source from the catalog, then a command source from its configuration, then by its id', () => {
    const catalog = [{ id: 'faculty', names: { fa: 'اعضای هیئت علمی', en: 'Faculty members' } }, { id: 'bare' }];
    const commands = [
      { id: 'legacy', name: 'Legacy script' },
      { id: 'unnamed', name: null },
    ];
    expect(sourceNamer(catalog, commands, 'fa')('faculty')).toBe('اعضای هیئت علمی');
    expect(sourceNamer(catalog, commands, 'en')('faculty')).toBe('Faculty members');
    expect(sourceNamer(catalog, commands, 'fa')('legacy')).toBe('Legacy script');
    expect(sourceNamer(catalog, commands, 'en')('unnamed')).toBe('unnamed');
    expect(sourceNamer(catalog, commands, 'en')('bare')).toBe('bare');
    expect(sourceNamer(catalog, commands, 'en')('gone')).toBe('gone');
  });

  it('should write the value itself when it has no label and nothing when there is none', () => {
    expect(labelOf(EXPORT_LABELS.en.statuses, 'paused')).toBe('paused');
    expect(labelOf(EXPORT_LABELS.en.statuses, 'toString')).toBe('toString');
    expect(labelOf(EXPORT_LABELS.en.statuses, null)).toBeNull();
  });

  it.each([
    ['en', 'fa-IR', 'en'],
    [undefined, 'en-US,en;q=0.9', 'en'],
    [undefined, 'de-DE,de;q=0.9,fa;q=0.5,en;q=0.4', 'fa'],
    [undefined, 'de, en;q=0.2, fa;q=0', 'en'],
    [undefined, 'de-DE', 'fa'],
    [undefined, undefined, 'fa'],
  ] as const)('should choose the language when lang is %s and Accept-Language is %s', (lang, acceptLanguage, expected) => {
    expect(exportLanguage(lang, acceptLanguage)).toBe(expected);
  });
});
