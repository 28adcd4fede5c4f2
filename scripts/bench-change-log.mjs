// The change log's cost in `npm run bench`: the students first full run on fresh backends (fresh databases) with the
// change log on and off (`HAMGAM_CHANGE_LOG=off`, read by the worker for this comparison only), alternating, `pairs`
// times; the medians of wall time and of the worker's CPU time are compared (CPU time is steadier on a busy machine).
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { childrenOf, timedRun } from './bench-common.mjs';
import { configureStudents } from './bench-students.mjs';

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

function cpuSeconds(pid) {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return null;
  }
}

/** One first full run of the students on a new backend and database; answers its wall time, worker CPU and run. */
async function freshFullRun({ root, gateway, port, admin, year, concurrency, isChangeLogOn }) {
  const dataDir = mkdtempSync(join(tmpdir(), 'hamgam-bench-changes-'));
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
      HAMGAM_CHANGE_LOG: isChangeLogOn ? 'on' : 'off',
    },
  });
  const api = `http://127.0.0.1:${port}/api`;
  try {
    for (let i = 0; ; i++) {
      try {
        if ((await fetch(`${api}/health`)).ok) break;
      } catch {
        if (i > 600) throw new Error('the comparison backend did not start');
      }
      await sleep(50);
    }
    const login = await fetch(`${api}/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(admin) });
    if (!login.ok) throw new Error(`sign-in on the comparison backend failed: ${login.status}`);
    const cookie = login.headers
      .getSetCookie()
      .find((line) => line.startsWith('hamgam_session='))
      .split(';')[0];
    const fetchApi = (path, init = {}) => fetch(`${api}${path}`, { ...init, headers: { ...init.headers, cookie } });
    await configureStudents(
      fetchApi,
      gateway.students.campuses.map(({ code, name }) => ({ code, name })),
      year,
      concurrency,
    );
    const workers = new Map();
    const timer = setInterval(() => {
      for (const pid of childrenOf(server.pid)) workers.set(pid, cpuSeconds(pid) ?? workers.get(pid) ?? 0);
    }, 20);
    const { wallMs, run } = await timedRun(fetchApi, 'students', { mode: 'full' });
    clearInterval(timer);
    const changes = isChangeLogOn ? (await (await fetchApi(`/runs/${run.id}/changes?pageSize=1`)).json()).total : 0;
    return { wallMs, cpu: [...workers.values()].reduce((sum, seconds) => sum + seconds, 0), run, changes };
  } finally {
    server.kill('SIGTERM');
    await new Promise((resolve) => server.once('exit', resolve));
    rmSync(dataDir, { recursive: true, force: true });
  }
}

export async function benchChangeLog({ pairs, ...options }) {
  console.log(`  change log on vs off, students first full run on fresh databases (${pairs} pairs, alternating):`);
  const results = { on: [], off: [] };
  for (let i = 0; i < pairs; i++) {
    for (const isChangeLogOn of [true, false]) {
      const result = await freshFullRun({ ...options, isChangeLogOn });
      results[isChangeLogOn ? 'on' : 'off'].push(result);
      console.log(
        `    change log ${isChangeLogOn ? 'on ' : 'off'}  ${result.run.status.padEnd(8)} wall ${(result.wallMs / 1000).toFixed(2)} s, ` +
          `CPU worker ${result.cpu.toFixed(2)} s, ${result.changes.toLocaleString('en')} changes logged`,
      );
    }
  }
  const wall = median(results.on.map((r) => r.wallMs)) / median(results.off.map((r) => r.wallMs));
  const cpu = median(results.on.map((r) => r.cpu)) / median(results.off.map((r) => r.cpu));
  console.log(`    on ≤ 1.15 × off (median wall):      ${wall.toFixed(2)} × — ${wall <= 1.15 ? 'met' : 'MISSED'}`);
  console.log(`    worker CPU on / off (median):       ${cpu.toFixed(2)} ×`);
}
