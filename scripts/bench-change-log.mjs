// The change log's cost in `npm run bench`: the students full run of the main backend (change log on) against the
// same first full run on a second backend, on a fresh database, whose workers skip the change log
// (`HAMGAM_CHANGE_LOG=off`, read by the worker for this comparison only).
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { timedRun } from './bench-common.mjs';
import { configureStudents } from './bench-students.mjs';

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

export async function benchChangeLogOff({ root, gateway, port, admin, year, concurrency, onWallMs, onRun }) {
  const dataDir = mkdtempSync(join(tmpdir(), 'hamgam-bench-off-'));
  const server = spawn(process.execPath, ['--max-semi-space-size=2', join(root, 'backend/dist/main.js')], {
    cwd: root,
    stdio: ['ignore', 'ignore', 'inherit'],
    env: {
      ...process.env,
      DATA_DIR: dataDir,
      PORT: String(port),
      HOST: '127.0.0.1',
      STAND_INS: 'false',
      ADMIN_USERNAME: admin.username,
      ADMIN_PASSWORD: admin.password,
      GOLESTAN_BASE_URL: gateway.url,
      GOLESTAN_USERNAME: gateway.username,
      GOLESTAN_PASSWORD: gateway.password,
      HAMGAM_CHANGE_LOG: 'off',
    },
  });
  const api = `http://127.0.0.1:${port}/api`;
  try {
    for (let i = 0; ; i++) {
      try {
        if ((await fetch(`${api}/health`)).ok) break;
      } catch {
        if (i > 400) throw new Error('the second backend did not start');
      }
      await sleep(50);
    }
    const login = await fetch(`${api}/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(admin) });
    if (!login.ok) throw new Error(`sign-in on the second backend failed: ${login.status}`);
    const cookie = login.headers
      .getSetCookie()
      .find((line) => line.startsWith('hamgam_session='))
      .split(';')[0];
    const fetchApi = (path, init = {}) => fetch(`${api}${path}`, { ...init, headers: { ...init.headers, cookie } });
    const campuses = gateway.students.campuses.map(({ code, name }) => ({ code, name }));
    await configureStudents(fetchApi, campuses, year, concurrency);
    const { wallMs, run } = await timedRun(fetchApi, 'students', { mode: 'full' });
    const ratio = onWallMs / wallMs;
    console.log('  change log:');
    console.log(
      `    first full run, change log off:     ${run.status.padEnd(8)} wall ${(wallMs / 1000).toFixed(2)} s, run ${(run.durationMs / 1000).toFixed(2)} s, counts ${JSON.stringify(run.counts)}`,
    );
    console.log(
      `    first full run, change log on:      wall ${(onWallMs / 1000).toFixed(2)} s (${onRun.counts.inserted.toLocaleString('en')} inserted changes logged)`,
    );
    console.log(`    on ≤ 1.15 × off:                    ${ratio.toFixed(2)} × — ${ratio <= 1.15 ? 'met' : 'MISSED'}`);
  } finally {
    server.kill('SIGTERM');
    await new Promise((resolve) => server.once('exit', resolve));
    rmSync(dataDir, { recursive: true, force: true });
  }
}
