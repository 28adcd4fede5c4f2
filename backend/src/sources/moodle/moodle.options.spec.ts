import { MOODLE_DEFAULT_OPTIONS, readMoodleOptions, validateMoodleOptions } from './moodle.options';

describe('Moodle options', () => {
  it('should accept known options in range and a service short name when an admin saves them', () => {
    expect(validateMoodleOptions({ concurrency: 8, service: 'hamgam_sync' })).toEqual({ ok: true, options: { concurrency: 8, service: 'hamgam_sync' } });
  });

  it('should name each refused field when a value is out of range, malformed or unknown', () => {
    const result = validateMoodleOptions({ concurrency: 99, service: 'bad name', colour: 'red' });
    expect(result.ok).toBe(false);
    expect(Object.keys(result.ok ? {} : result.fields).sort()).toEqual(['colour', 'concurrency', 'service']);
  });

  it('should fall back to defaults and warn when stored options are unusable', () => {
    const warnings: string[] = [];
    expect(readMoodleOptions({ enrolmentPageSize: 0, service: 3 }, (message) => warnings.push(message))).toEqual(MOODLE_DEFAULT_OPTIONS);
    expect(warnings).toHaveLength(2);
  });
});
