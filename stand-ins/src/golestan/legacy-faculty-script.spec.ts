import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { startGolestanStandIn, type GolestanStandIn } from './golestan-stand-in';

const SCRIPT = join(__dirname, '..', '..', 'legacy', 'faculty_main.py');

type ScriptResult = { code: number; stdout: string; stderr: string };

// execFile, not execFileSync: the stand-in lives in this process and must keep answering.
const runScript = (env: Record<string, string>, args: string[] = []): Promise<ScriptResult> =>
  new Promise((resolve) => {
    execFile('python3', [SCRIPT, ...args], { env: { ...process.env, ...env }, timeout: 20_000 }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : -1) : 0;
      resolve({ code, stdout, stderr });
    });
  });

describe('legacy faculty_main.py against the stand-in', () => {
  let standIn: GolestanStandIn;
  let env: Record<string, string>;

  beforeEach(async () => {
    standIn = await startGolestanStandIn();
    env = { GOLESTAN_BASE_URL: standIn.url, GOLESTAN_USERNAME: standIn.username, GOLESTAN_PASSWORD: standIn.password };
  });

  afterEach(async () => {
    await standIn.close();
  });

  it('should print a line per page and the total when the gateway answers', async () => {
    const result = await runScript(env);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('page 1: 100 records\npage 2: 100 records\npage 3: 40 records\n');
    expect(result.stdout.trimEnd().split('\n').pop()).toBe('Total records: 240');
    expect(result.stderr.match(/has no nationalcode/g)).toHaveLength(2);
  });

  it('should exit 1 with the error on stderr when the gateway answers 500', async () => {
    standIn.setFaults({ failNext: 1 });
    const result = await runScript(env);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/HTTP 500/);
    expect(result.stdout).not.toMatch(/Total records/);
  });

  it('should exit 1 when the password is wrong', async () => {
    const result = await runScript({ ...env, GOLESTAN_PASSWORD: 'wrong' });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/HTTP 401/);
  });

  it('should exit 2 after printing a line when --fail is given', async () => {
    const result = await runScript(env, ['--fail']);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('Starting faculty sync\n');
  });
});
