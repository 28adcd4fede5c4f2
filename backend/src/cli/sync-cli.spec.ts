import { parseArgs } from './sync-cli';

describe('parseArgs', () => {
  it('should read the source, the mode and --wait when all are given', () => {
    expect(parseArgs(['faculty', '--mode', 'recent', '--wait'])).toEqual({ kind: 'run', args: { sourceId: 'faculty', mode: 'recent', wait: true } });
    expect(parseArgs(['--mode=full', 'moodle'])).toEqual({ kind: 'run', args: { sourceId: 'moodle', mode: 'full', wait: false } });
  });

  it('should leave the mode to the server when none is given', () => {
    expect(parseArgs(['faculty'])).toEqual({ kind: 'run', args: { sourceId: 'faculty', mode: undefined, wait: false } });
  });

  it('should explain the mistake when the arguments are wrong', () => {
    expect(parseArgs([])).toEqual({ kind: 'error', message: 'name the source to sync' });
    expect(parseArgs(['faculty', 'moodle'])).toEqual({ kind: 'error', message: 'name exactly one source' });
    expect(parseArgs(['faculty', '--mode', 'fast'])).toEqual({ kind: 'error', message: '--mode must be one of full, recent' });
    expect(parseArgs(['faculty', '--mode'])).toEqual({ kind: 'error', message: '--mode must be one of full, recent' });
    expect(parseArgs(['faculty', '--force'])).toEqual({ kind: 'error', message: 'unknown option --force' });
  });

  it('should ask for the usage when --help is given', () => {
    expect(parseArgs(['faculty', '--help'])).toEqual({ kind: 'help' });
  });
});
