import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { startGolestanStandIn, type GolestanStandIn } from '@hamgam/stand-ins';
import { TEST_ADMIN, startTestApp, triggerRun, waitFor, waitForRunEnd, type TestApp } from '../helpers/test-app';
import { runsOf } from './schedule-helpers';

const CLI = join(__dirname, '../../../dist/cli/sync-cli.js');

type CliResult = { code: number; stdout: string; stderr: string };

/** Runs the compiled CLI as a user would, against a server on `url`. */
function runCli(url: string, ...args: string[]): Promise<CliResult> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [CLI, ...args],
      { env: { PATH: process.env.PATH, HAMGAM_URL: url, HAMGAM_CLI_USERNAME: TEST_ADMIN.username, HAMGAM_CLI_PASSWORD: TEST_ADMIN.password }, timeout: 30_000 },
      (error, stdout, stderr) => {
        resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr });
      },
    );
  });
}

/** A URL on which nothing listens: a port the OS just handed out and took back. */
async function closedPortUrl(): Promise<string> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return `http://127.0.0.1:${port}`;
}

jest.setTimeout(60_000);

describe('npm run sync (the command line)', () => {
  let gateway: GolestanStandIn;
  let t: TestApp;
  let url: string;

  beforeAll(async () => {
    if (!existsSync(CLI)) throw new Error(`the CLI is not built (${CLI}): run npm run build -w backend`);
    gateway = await startGolestanStandIn({ facultyCount: 25, seed: 4 });
    t = await startTestApp({ env: { GOLESTAN_BASE_URL: gateway.url, GOLESTAN_USERNAME: gateway.username, GOLESTAN_PASSWORD: gateway.password } });
    await t.app.listen(0, '127.0.0.1');
    url = `http://127.0.0.1:${(t.app.getHttpServer().address() as AddressInfo).port}`;
  });

  afterEach(() => gateway.setFaults({}));

  afterAll(async () => {
    await t.close();
    await gateway.close();
  });

  it('should start a run with trigger cli, print its progress and exit 0 when it succeeds', async () => {
    const result = await runCli(url, 'faculty', '--wait');

    expect(result).toMatchObject({ code: 0, stderr: '' });
    const [run] = (await runsOf(t)).slice(-1);
    expect(run).toMatchObject({ trigger: 'cli', status: 'success' });
    expect(result.stdout).toContain(`run ${run.id} of faculty started (trigger cli)`);
    expect(result.stdout).toMatch(new RegExp(`run ${run.id} of faculty ended success in [\\d.]+ s — fetched 25, inserted 25`));
  });

  it('should exit 1 with the error when the run fails', async () => {
    gateway.setFaults({ loginFails: true });

    const result = await runCli(url, 'faculty', '--wait');

    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/ended failed in [\d.]+ s \(auth\): the gateway refused the login/);
  });

  it('should exit 0 without waiting when --wait is not given', async () => {
    const result = await runCli(url, 'faculty');

    expect(result.code).toBe(0);
    const [run] = (await runsOf(t)).slice(-1);
    expect(result.stdout.trim()).toBe(`run ${run.id} of faculty started (trigger cli) on ${url}`);
    await waitForRunEnd(t, run.id);
  });

  it('should exit 1 naming the active run when a run of the source is already active', async () => {
    gateway.setFaults({ delayMs: 60_000 });
    const active = await triggerRun(t, 'faculty');

    const result = await runCli(url, 'faculty', '--wait');

    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`the server answered 409`);
    expect(result.stderr).toContain(`(run ${active.id}, `);
    await t.http().post(`/api/runs/${active.id}/cancel`).expect(202);
    await waitFor(async () => (await waitForRunEnd(t, active.id)).status === 'cancelled');
  });

  it('should exit 1 when the source does not exist', async () => {
    const result = await runCli(url, 'nope');

    expect(result.code).toBe(1);
    expect(result.stderr).toContain('the server answered 404: source "nope" does not exist');
  });

  it('should exit 1 saying where it looked when no server answers', async () => {
    const closed = await closedPortUrl();

    const result = await runCli(closed, 'faculty');

    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`cannot reach Hamgam at ${closed} (set HAMGAM_URL): ECONNREFUSED`);
  });

  it('should exit 2 with the usage when the arguments are wrong', async () => {
    const result = await runCli(url, 'faculty', '--mode', 'fast');

    expect(result.code).toBe(2);
    expect(result.stderr).toContain('--mode must be one of full, recent');
    expect(result.stderr).toContain('usage: npm run sync -- <source>');
  });
});
