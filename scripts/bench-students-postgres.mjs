// The students part of `npm run bench` on PostgreSQL: the same generated university (the same stand-in gateway), a
// full run then an unchanged one, on a second backend whose database is a throwaway PostgreSQL database, compared
// with the SQLite runs just measured (issue #15: PostgreSQL ≤ 1.3 × SQLite). PostgreSQL's own processes are not in
// the RSS or CPU figures (the server runs outside the backend's process tree).
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createBenchDatabase, timedRun } from './bench-common.mjs';
import { configureStudents, watchMemory } from './bench-students.mjs';

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const mb = (kb) => kb / 1024;
const TARGET = 1.3;

async function startBackend({ root, gateway, port, admin, databaseUrl, dataDir }) {
  const server = spawn(process.execPath, ['--max-semi-space-size=2', join(root, 'backend/dist/main.js')], {
    cwd: root,
    stdio: ['ignore', 'ignore', 'inherit'],
    env: {
      ...process.env,
      DATA_DIR: dataDir,
      DATABASE_URL: databaseUrl,
      PORT: String(port),
      HOST: '127.0.0.1',
      STAND_INS: 'false',
      ADMIN_USERNAME: admin.username,
      ADMIN_PASSWORD: admin.password,
      GOLESTAN_BASE_URL: gateway.url,
      GOLESTAN_USERNAME: gateway.username,
      GOLESTAN_PASSWORD: gateway.password,
    },
  });
  const api = `http://127.0.0.1:${port}/api`;
  for (let i = 0; ; i++) {
    try {
      if ((await fetch(`${api}/health`)).ok) break;
    } catch {
      if (i > 600 || server.exitCode !== null) throw new Error('the PostgreSQL backend did not start');
    }
    await sleep(50);
  }
  const login = await fetch(`${api}/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(admin) });
  if (!login.ok) throw new Error(`sign-in on the PostgreSQL backend failed: ${login.status}`);
  const cookie = login.headers
    .getSetCookie()
    .find((line) => line.startsWith('hamgam_session='))
    .split(';')[0];
  return { server, fetchApi: (path, init = {}) => fetch(`${api}${path}`, { ...init, headers: { ...init.headers, cookie } }) };
}

/** Runs the students full and unchanged runs on PostgreSQL and prints them against `sqlite` ({ first, second } of benchStudents). */
export async function benchStudentsPostgres({ root, gateway, port, admin, year, concurrency, adminUrl, sqlite }) {
  const database = await createBenchDatabase(root, adminUrl, { prefix: 'hamgam_bench_students_' });
  const dataDir = mkdtempSync(join(tmpdir(), 'hamgam-bench-pg-'));
  let backend = null;
  try {
    backend = await startBackend({ root, gateway, port, admin, databaseUrl: database.url, dataDir });
    const campuses = gateway.students.campuses.map(({ code, name }) => ({ code, name }));
    await configureStudents(backend.fetchApi, campuses, year, concurrency);
    console.log(`  on PostgreSQL (throwaway database ${database.name}, its own backend):`);
    const results = [];
    for (const label of ['first full run', 'second (unchanged)']) {
      const memory = watchMemory(backend.server.pid);
      const { wallMs, run } = await timedRun(backend.fetchApi, 'students', { mode: 'full' });
      memory.stop();
      const workerCpu = [...memory.cpu.workers.values()].reduce((sum, seconds) => sum + seconds, 0);
      results.push({ wallMs, run, workerCpu });
      console.log(
        `  ${label.padEnd(20)} ${run.status.padEnd(8)} wall ${(wallMs / 1000).toFixed(2)} s, run ${(run.durationMs / 1000).toFixed(2)} s, ` +
          `${Math.round(run.counts.fetched / (wallMs / 1000)).toLocaleString('en')} rows/s, ` +
          `peak RSS backend ${mb(memory.peaks.backend).toFixed(0)} MB, worker ${mb(memory.peaks.worker).toFixed(0)} MB; ` +
          `CPU worker ${workerCpu.toFixed(2)} s, backend ${memory.cpu.backend.toFixed(2)} s; counts ${JSON.stringify(run.counts)}`,
      );
    }
    const [first, second] = results;
    const sameCounts = JSON.stringify(first.run.counts) === JSON.stringify(sqlite.first.run.counts);
    console.log('  PostgreSQL / SQLite (target ≤ 1.3 ×, wall time):');
    for (const [label, pg, lite] of [
      ['full run', first, sqlite.first],
      ['unchanged re-run', second, sqlite.second],
    ]) {
      const ratio = pg.wallMs / lite.wallMs;
      console.log(
        `    ${label.padEnd(18)} ${(pg.wallMs / 1000).toFixed(2)} s / ${(lite.wallMs / 1000).toFixed(2)} s = ${ratio.toFixed(2)} × — ${ratio <= TARGET ? 'met' : 'MISSED'}`,
      );
    }
    console.log(`    the same counts as on SQLite:  ${sameCounts ? 'yes' : `NO (${JSON.stringify(sqlite.first.run.counts)})`}`);
  } finally {
    if (backend) {
      backend.server.kill('SIGTERM');
      await new Promise((resolve) => (backend.server.exitCode !== null ? resolve() : backend.server.once('exit', resolve)));
    }
    rmSync(dataDir, { recursive: true, force: true });
    await database.drop();
  }
}
