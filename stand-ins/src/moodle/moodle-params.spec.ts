import { checkParams, InvalidParameterError, list, object, parsePhpParams, value } from './moodle-params';

describe('Moodle parameters', () => {
  it('should nest bracketed names as PHP does when a form body has arrays', () => {
    expect(
      parsePhpParams([
        ['options[0][name]', 'limitfrom'],
        ['options[0][value]', '0'],
        ['ids[]', '4'],
        ['ids[]', '5'],
        ['courseid', '2'],
      ]),
    ).toEqual({
      options: { 0: { name: 'limitfrom', value: '0' } },
      ids: { 0: '4', 1: '5' },
      courseid: '2',
    });
  });

  it('should refuse true and false when a bool is declared', () => {
    expect(() => checkParams({ flag: value('bool') }, { flag: 'true' })).toThrow(InvalidParameterError);
    expect(checkParams({ flag: value('bool') }, { flag: '1' })).toEqual({ flag: true });
  });

  it('should fill defaults and ignore the ws parameters when optional values are left out', () => {
    const spec = { options: list(object({ name: value('text'), value: value('text') })), field: value('text', false, '') };
    expect(checkParams(spec, { wstoken: 't', wsfunction: 'f', moodlewsrestformat: 'json', moodlewssettingfilter: '1' })).toEqual({ options: [], field: '' });
  });
});
