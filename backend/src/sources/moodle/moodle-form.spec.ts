import { encodeMoodleParams } from './moodle-form';

describe('encodeMoodleParams', () => {
  it('should use PHP brackets, 0/1 booleans and leave out empty lists when a call has nested parameters', () => {
    const form = encodeMoodleParams({
      courseid: 12,
      options: [
        { name: 'limitfrom', value: 0 },
        { name: 'sortby', value: 'id' },
      ],
      criteria: [],
      returnusercount: false,
      nested: { ids: [2, 7] },
      skipped: undefined,
    });
    expect([...form]).toEqual([
      ['courseid', '12'],
      ['options[0][name]', 'limitfrom'],
      ['options[0][value]', '0'],
      ['options[1][name]', 'sortby'],
      ['options[1][value]', 'id'],
      ['returnusercount', '0'],
      ['nested[ids][0]', '2'],
      ['nested[ids][1]', '7'],
    ]);
  });
});
