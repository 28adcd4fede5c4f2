import { checkOptionsUpdate } from '../../sync/settings/source-settings';
import { readStudentsOptions, studentsSettings } from './students.options';

const validateStudentsOptions = (sent: Record<string, unknown>) => checkOptionsUpdate(studentsSettings, {}, sent);

const NOW = new Date('2026-11-25T08:00:00Z');
const CAMPUSES = [{ code: '1110', name: 'واحد مرکزی تهران' }];

describe('readStudentsOptions', () => {
  it('should read four years back to the current Jalali year when no years are set', () => {
    expect(readStudentsOptions({ campuses: CAMPUSES }, NOW)).toEqual({
      campuses: CAMPUSES,
      fromYear: 1401,
      toYear: 1405,
      concurrency: 4,
      pageSize: 500,
      requestTimeoutMs: 30_000,
      maxRetries: 4,
      retryBaseMs: 500,
    });
  });

  it('should take valid values and warn about invalid ones when options are stored', () => {
    const warnings: string[] = [];
    const options = readStudentsOptions({ campuses: CAMPUSES, concurrency: 99, pageSize: 50, fromYear: 1404, toYear: 1402 }, NOW, (m) => warnings.push(m));

    expect(options).toMatchObject({ concurrency: 4, pageSize: 50, fromYear: 1401, toYear: 1405 });
    expect(warnings).toHaveLength(2);
  });

  it('should read no campus and warn when the stored list is unusable', () => {
    const warnings: string[] = [];
    expect(readStudentsOptions({ campuses: 'all' }, NOW, (m) => warnings.push(m)).campuses).toEqual([]);
    expect(warnings).toHaveLength(1);
  });
});

describe('validateStudentsOptions', () => {
  it('should accept campuses, years and numbers and clean the campus list when they are valid', () => {
    expect(validateStudentsOptions({ campuses: [{ code: '۱۱۱۰', name: ' واحد  مرکزي ' }], fromYear: 1400, toYear: 1404, concurrency: 8 })).toEqual({
      ok: true,
      value: { campuses: [{ code: '1110', name: 'واحد مرکزی' }], fromYear: 1400, toYear: 1404, concurrency: 8 },
    });
    expect(validateStudentsOptions({ fromYear: null })).toEqual({ ok: true, value: { fromYear: null } });
  });

  it('should name each bad field when options are invalid', () => {
    const result = validateStudentsOptions({
      campuses: [
        { code: '1110', name: 'a' },
        { code: '1110', name: 'b' },
      ],
      concurrency: 0,
    });
    expect(result.ok).toBe(false);
    expect(!result.ok && Object.keys(result.fields).sort()).toEqual(['options.campuses', 'options.concurrency']);
    expect(!result.ok && result.fields['options.campuses'][0]).toEqual({
      code: 'campus.duplicate',
      params: { line: 2 },
      message: expect.stringContaining('listed twice') as unknown,
    });
    expect(validateStudentsOptions({ color: 'red' })).toEqual({
      ok: false,
      fields: { 'options.color': [{ code: 'unknownOption', message: expect.stringContaining('unknown option') as unknown }] },
    });
  });

  it('should refuse a year range that runs backwards when both ends are sent', () => {
    const result = validateStudentsOptions({ fromYear: 1404, toYear: 1400 });
    expect(!result.ok && result.fields['options.toYear']).toHaveLength(1);
  });
});
