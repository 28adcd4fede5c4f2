import { CommandSourcesError, parseCommandSources } from './command-sources';

const valid = {
  id: 'legacy-students',
  executable: 'python3',
  args: ['students_main.py'],
  cwd: 'scripts',
  env: { DB_NAME: 'x' },
  countPattern: 'Total: (\\d+)',
};

describe('parseCommandSources', () => {
  it('should read a relative cwd from the file folder and default the time limit when they are given so', () => {
    expect(parseCommandSources([valid], '/etc/hamgam')).toEqual([
      {
        id: 'legacy-students',
        name: null,
        executable: 'python3',
        args: ['students_main.py'],
        cwd: '/etc/hamgam/scripts',
        env: { DB_NAME: 'x' },
        timeoutSeconds: 3600,
        countPattern: 'Total: (\\d+)',
      },
    ]);
  });

  it.each([
    ['not a list', {}],
    ['an id with capitals', [{ ...valid, id: 'Legacy' }]],
    ['the same id twice', [valid, valid]],
    ['no executable', [{ ...valid, executable: '' }]],
    ['arguments that are not strings', [{ ...valid, args: [1] }]],
    ['a variable the run sets itself', [{ ...valid, env: { HAMGAM_RUN_ID: '1' } }]],
    ['a count pattern without a capture group', [{ ...valid, countPattern: 'Total' }]],
    ['an unknown field', [{ ...valid, shell: true }]],
  ])('should refuse the file when it has %s', (_label, raw) => {
    expect(() => parseCommandSources(raw, '/etc/hamgam')).toThrow(CommandSourcesError);
  });
});
