import { z } from 'zod';
import {
  checkConnectionUpdate,
  checkOptionsUpdate,
  defineSourceSettings,
  describeSettings,
  optionDefaults,
  readDeclaredOptions,
  storedFlag,
} from './source-settings';

const settings = defineSourceSettings({
  connection: [
    { name: 'baseUrl', kind: 'url', isRequired: true },
    { name: 'apiKey', kind: 'secret', isRequired: true, isNeededForTest: true },
  ],
  options: z.object({
    pageSize: z.number().int().min(1).max(100).default(20).meta({ labelKey: 'options.pageSize' }),
    mode: z.enum(['fast', 'careful']).default('fast').meta({ labelKey: 'options.mode' }),
    note: z.string().max(10).optional().meta({ labelKey: 'options.note' }),
  }),
});

describe('declared source settings', () => {
  it('should give each option its default when nothing is stored', () => {
    expect(optionDefaults(settings)).toEqual({ pageSize: 20, mode: 'fast' });
  });

  it('should fall back to the default and warn once per refused value when the worker reads stored options', () => {
    const warnings: string[] = [];
    expect(readDeclaredOptions(settings, { pageSize: 500, mode: 'careful', note: 'x'.repeat(11) }, (m) => warnings.push(m))).toEqual({
      pageSize: 20,
      mode: 'careful',
    });
    expect(warnings).toEqual([expect.stringMatching(/^option pageSize .*; using 20$/), expect.stringMatching(/^option note .*; using none$/)]);
  });

  it('should answer per-field errors under options.<key> when a PATCH sends an unknown or bad option', () => {
    expect(checkOptionsUpdate(settings, {}, { colour: 'red' })).toEqual({
      ok: false,
      fields: { 'options.colour': [{ code: 'unknownOption', message: expect.stringContaining('pageSize, mode, note') as unknown }] },
    });
    const bad = checkOptionsUpdate(settings, {}, { pageSize: 0, mode: 'slow' });
    expect(bad.ok ? [] : Object.keys(bad.fields).sort()).toEqual(['options.mode', 'options.pageSize']);
    // The limit travels as a value, so the form can say it in the reader's language.
    expect(bad.ok ? null : bad.fields['options.pageSize'].map(({ code, params }) => ({ code, params }))).toEqual([{ code: 'tooSmall', params: { min: 1 } }]);
  });

  it('should return only the sent options when a PATCH is valid, whatever is stored', () => {
    expect(checkOptionsUpdate(settings, { pageSize: 999 }, { mode: 'careful' })).toEqual({ ok: true, value: { mode: 'careful' } });
  });

  it('should refuse undeclared connection fields and a non-http address when a connection is sent', () => {
    expect(checkConnectionUpdate(settings.connection, { baseUrl: 'ftp://x', password: 'p', apiKey: 'k' })).toEqual({
      ok: false,
      fields: {
        'connection.baseUrl': [{ code: 'url', message: 'baseUrl must be an http(s) URL' }],
        'connection.password': [{ code: 'unknownField', message: expect.stringContaining('baseUrl, apiKey') as unknown }],
      },
    });
    expect(checkConnectionUpdate(settings.connection, { baseUrl: 'http://h:1/api//', apiKey: 'k' })).toEqual({
      ok: true,
      value: { baseUrl: 'http://h:1/api', apiKey: 'k' },
    });
  });

  it('should describe the fields and the options with their limits and label keys when serialised for the form', () => {
    const info = describeSettings(settings);
    expect(info.connection).toEqual([
      { name: 'baseUrl', kind: 'url', isRequired: true, isNeededForTest: false },
      { name: 'apiKey', kind: 'secret', isRequired: true, isNeededForTest: true },
    ]);
    expect(info.options.properties.pageSize).toMatchObject({ type: 'integer', minimum: 1, maximum: 100, default: 20, labelKey: 'options.pageSize' });
    expect(info.options.properties.mode).toMatchObject({ enum: ['fast', 'careful'], default: 'fast' });
    expect(storedFlag('apiKey')).toBe('hasApiKey');
  });

  it('should refuse a declaration without a baseUrl address when it has connection fields', () => {
    expect(() => defineSourceSettings({ connection: [{ name: 'host', kind: 'text', isRequired: true }], options: z.object({}) })).toThrow(/baseUrl/);
  });
});
