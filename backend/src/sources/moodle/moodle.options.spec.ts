import { checkOptionsUpdate } from '../../sync/settings/source-settings';
import { MOODLE_DEFAULT_OPTIONS, moodleSettings, readMoodleOptions } from './moodle.options';

describe('Moodle options', () => {
  it('should accept known options in range and a service short name when an admin saves them', () => {
    expect(checkOptionsUpdate(moodleSettings, {}, { concurrency: 8, service: 'hamgam_sync' })).toEqual({
      ok: true,
      value: { concurrency: 8, service: 'hamgam_sync' },
    });
  });

  it('should name each refused field when a value is out of range or malformed', () => {
    const result = checkOptionsUpdate(moodleSettings, {}, { concurrency: 99, service: 'bad name' });
    expect(result.ok).toBe(false);
    expect(Object.keys(result.ok ? {} : result.fields).sort()).toEqual(['options.concurrency', 'options.service']);
  });

  it('should refuse an unknown option by name when one is sent', () => {
    const result = checkOptionsUpdate(moodleSettings, {}, { colour: 'red', concurrency: 8 });
    expect(result).toEqual({
      ok: false,
      fields: { 'options.colour': [{ code: 'unknownOption', message: expect.stringContaining('unknown option') as unknown }] },
    });
  });

  it('should fall back to defaults and warn when stored options are unusable', () => {
    const warnings: string[] = [];
    expect(readMoodleOptions({ enrolmentPageSize: 0, service: 3 }, (message) => warnings.push(message))).toEqual(MOODLE_DEFAULT_OPTIONS);
    expect(warnings).toHaveLength(2);
  });
});
