// `npm run bench`: timings that tests do not assert. Builds first when needed, then, through the real runner
// (HTTP API → forked worker → SQLite file):
// - a faculty sync of a generated gateway (default 20,000 members; `--faculty 50000`), twice: the first run
//   inserts, the second finds nothing changed;
// - a students sync of a generated university (default 100 campuses × 15 terms, ~280,000 rows of ~75,000
//   students; `--campuses 50 --per-campus 1050 --concurrency 4`), full then unchanged, against a lean reference,
//   then the full run on fresh backends with the change log on and off, alternating (`--change-log-pairs 2`;
//   scripts/bench-change-log.mjs).
// - the history: 1,000,000 rows in data_syncs (`--history-rows N`), filtered, paged requests timed over HTTP.
// - the Moodle worker's peak RSS at two generated site sizes (`--moodle-small 150x2500 --moodle-large 600x10000`,
//   courses × users; scripts/bench-moodle.mjs).
// - the CRM: a first pull of 20,000 contacts + 60,000 interactions, then an incremental run after 500 changes
//   (`--crm-size 20000x60000 --crm-changes 500`; scripts/bench-crm.mjs).
// `--only faculty`, `--only students`, `--only history`, `--only moodle` or `--only crm` runs one of them.
// `--postgres postgres://postgres@127.0.0.1:5432/postgres` runs the server on a throwaway PostgreSQL database
// created through that connection (dropped after); the faculty, the history, Moodle and the CRM run there (ported to
// SqlDb); the students' figures on PostgreSQL come from their own pass.
// The history part likewise runs on SQLite and then on PostgreSQL (backend at port + 3, throwaway database through
// `--history-postgres <url>`, same default; `none` skips it) and prints both databases' worst p95 (target ≤ 25 ms).
// `--keep` leaves that database in place (its name is printed); `--postgres-database NAME` runs on such a kept database
// (migrations pending in this build run at start-up) and skips the history's seeding when it already holds the runs,
// so a plan or an index can be tried again without the ~150 s seeding.
// The students part runs on SQLite, then on PostgreSQL on a second backend (port + 2) with a throwaway database created
// through `--students-postgres <url>` (default: the `--postgres` URL, else postgres://postgres@127.0.0.1:5432/postgres;
// `none` skips it), and prints PostgreSQL / SQLite for the full and the unchanged run (target ≤ 1.3 ×).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { createBenchDatabase, spawnBenchBackend } from './bench-common.mjs';

const root = new URL('..', import.meta.url).pathname;
const arg = (name, fallback) => {
  const index = process.argv.indexOf(`--${name}`);
  return index > 0 ? Number(process.argv[index + 1]) : fallback;
};
const facultyCount = arg('faculty', 20_000);
const port = arg('port', 3390);
const campusCount = arg('campuses', 100);
const perCampus = arg('per-campus', 1050);
const concurrency = arg('concurrency', 4);
const onlyIndex = process.argv.indexOf('--only');
const only = onlyIndex > 0 ? process.argv[onlyIndex + 1] : null;
const historyRows = arg('history-rows', 1_000_000);
const textArg = (name, fallback) => {
  const index = process.argv.indexOf(`--${name}`);
  return index > 0 ? process.argv[index + 1] : fallback;
};
const moodleSizes = [textArg('moodle-small', '150x2500'), textArg('moodle-large', '600x10000')];
const crmSize = textArg('crm-size', '20000x60000');
const crmChanges = arg('crm-changes', 500);
const changeLogPairs = arg('change-log-pairs', 2);
const ADMIN = { username: 'bench', password: 'copper-kettle-panel-17' };
const postgresAdminUrl = textArg('postgres', null);
const keptDatabase = textArg('postgres-database', null);
const keepDatabase = process.argv.includes('--keep');
// The students runs again on PostgreSQL (a throwaway database created through this connection, on its own backend at
// port + 2) after the SQLite runs, and the two are compared; `--students-postgres none` leaves it out.
const studentsPostgresUrl = textArg('students-postgres', postgresAdminUrl ?? 'postgres://postgres@127.0.0.1:5432/postgres');
// The history, too, runs again on PostgreSQL (its own throwaway database and backend at port + 3) after SQLite, and
// both databases' worst p95 are printed against ≤ 25 ms; `--history-postgres none` leaves it out.
const historyPostgresUrl = textArg('history-postgres', postgresAdminUrl ?? 'postgres://postgres@127.0.0.1:5432/postgres');

if (!existsSync(join(root, 'backend/dist/main.js')) || !existsSync(join(root, 'stand-ins/dist/index.js'))) {
  spawnSync('npm', ['run', 'build'], { cwd: root, stdio: 'inherit' });
}
const { startGolestanStandIn, startMoodleStandIn, startCrmStandIn, currentJalaliYear } = await import(join(root, 'stand-ins/dist/index.js'));
const { benchStudents } = await import(join(root, 'scripts/bench-students.mjs'));
const year = currentJalaliYear();
const gateway = await startGolestanStandIn({ facultyCount, seed: 11, students: { campusCount, studentsPerCampus: perCampus, lastYear: year } });
const dataDir = mkdtempSync(join(tmpdir(), 'hamgam-bench-'));
const postgres = postgresAdminUrl ? await createBenchDatabase(root, postgresAdminUrl, { keptName: keptDatabase }) : null;
const server = spawnBenchBackend({ root, port, admin: ADMIN, gateway, dataDir, env: postgres ? { DATABASE_URL: postgres.url } : {} });
let isStopping = false;
server.on('exit', (code, signal) => {
  if (isStopping) return;
  // Nothing can be measured without it; the stand-ins this process serves would otherwise keep it waiting forever.
  console.error(`the backend stopped during the benchmark (exit code ${code}, signal ${signal})`);
  process.exit(1);
});
const api = `http://127.0.0.1:${port}/api`;
let cookie = '';
const authed = (path, init = {}) => fetch(`${api}${path}`, { ...init, headers: { ...init.headers, cookie } });
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

async function waitForHealth() {
  // Up to 60 s: on a fresh PostgreSQL database every migration runs first, slow on a busy machine.
  for (let i = 0; i < 1200; i++) {
    try {
      if ((await fetch(`${api}/health`)).ok) return;
    } catch {
      // not listening yet
    }
    await sleep(50);
  }
  throw new Error('the backend did not start');
}

async function timedRun() {
  const started = performance.now();
  const run = await (await authed('/sources/faculty/runs', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' })).json();
  for (;;) {
    const current = await (await authed(`/runs/${run.id}`)).json();
    if (['success', 'failed', 'cancelled'].includes(current.status)) return { wallMs: performance.now() - started, run: current };
    await sleep(20);
  }
}

async function signIn() {
  const response = await fetch(`${api}/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(ADMIN) });
  if (!response.ok) throw new Error(`sign-in failed: ${response.status}`);
  cookie = response.headers
    .getSetCookie()
    .find((line) => line.startsWith('hamgam_session='))
    .split(';')[0];
}

try {
  await waitForHealth();
  await signIn();
  console.log(`machine: ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}`);
  if (postgres) console.log(`database: PostgreSQL (${postgres.name})`);
  if (!only || only === 'faculty') {
    console.log(`faculty sync of ${facultyCount.toLocaleString('en')} generated members (page size 500) through the real runner:`);
    for (const label of ['first run (inserts)', 'second run (unchanged)']) {
      const { wallMs, run } = await timedRun();
      const rowsPerSecond = Math.round(run.counts.fetched / (wallMs / 1000));
      console.log(
        `  ${label.padEnd(24)} ${run.status.padEnd(8)} wall ${(wallMs / 1000).toFixed(2)} s, run ${(run.durationMs / 1000).toFixed(2)} s, ` +
          `${rowsPerSecond.toLocaleString('en')} rows/s, counts ${JSON.stringify(run.counts)}`,
      );
    }
  }
  if (!postgres && (!only || only === 'students')) {
    const sqliteStudents = await benchStudents({
      api,
      fetchApi: authed,
      gateway,
      backendPid: server.pid,
      databasePath: join(dataDir, 'hamgam.sqlite'),
      referencePath: join(dataDir, 'reference.sqlite'),
      concurrency,
      year,
    });
    if (studentsPostgresUrl !== 'none') {
      const { benchStudentsPostgres } = await import('./bench-students-postgres.mjs');
      await benchStudentsPostgres({ root, gateway, port: port + 2, admin: ADMIN, year, concurrency, adminUrl: studentsPostgresUrl, sqlite: sqliteStudents });
    }
    const { benchChangeLog } = await import('./bench-change-log.mjs');
    await benchChangeLog({ root, gateway, port: port + 1, admin: ADMIN, year, concurrency, pairs: changeLogPairs });
  }
  if (!only || only === 'history') {
    const { benchHistory } = await import('./bench-history.mjs');
    const history = await benchHistory({
      root,
      databasePath: join(dataDir, 'hamgam.sqlite'),
      databaseUrl: postgres?.url ?? null,
      rows: historyRows,
      get: authed,
    });
    if (!postgres && historyPostgresUrl !== 'none') {
      const { benchHistoryPostgres } = await import('./bench-history-postgres.mjs');
      await benchHistoryPostgres({ root, gateway, port: port + 3, admin: ADMIN, adminUrl: historyPostgresUrl, rows: historyRows, sqlite: history });
    }
  }
  if (!only || only === 'moodle') {
    const { benchMoodle, parseSiteSize } = await import('./bench-moodle.mjs');
    await benchMoodle({
      fetchApi: authed,
      backendPid: server.pid,
      databasePath: join(dataDir, 'hamgam.sqlite'),
      databaseUrl: postgres?.url ?? null,
      startMoodleStandIn,
      sizes: moodleSizes.map(parseSiteSize),
    });
  }
  if (!only || only === 'crm') {
    const { benchCrm, parseCrmSize } = await import('./bench-crm.mjs');
    await benchCrm({ fetchApi: authed, backendPid: server.pid, startCrmStandIn, size: parseCrmSize(crmSize), changes: crmChanges });
  }
} finally {
  isStopping = true;
  server.kill('SIGTERM');
  await new Promise((resolve) => server.once('exit', resolve));
  await gateway.close();
  rmSync(dataDir, { recursive: true, force: true });
  if (postgres && (keepDatabase || keptDatabase)) console.log(`kept PostgreSQL database ${postgres.name} (--postgres-database ${postgres.name})`);
  else await postgres?.drop();
}
