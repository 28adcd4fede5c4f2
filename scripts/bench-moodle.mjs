// The Moodle part of `npm run bench` (`--only moodle`): the worker's peak memory at two site sizes. For each size
// a stand-in Moodle generates the site (`--moodle-small 150x2500 --moodle-large 600x10000`, courses × users), the
// Moodle tables are emptied, and two full runs go through the real runner: the first inserts, the second finds
// nothing changed. The worker's VmHWM is sampled from /proc every 20 ms (its peak RSS).
import { createRequire } from 'node:module';
import { timedRun, watchWorkerPeak } from './bench-common.mjs';

const require = createRequire(new URL('../backend/package.json', import.meta.url));
const Database = require('better-sqlite3');
const { Client } = require('pg');
const mb = (kb) => kb / 1024;
const MOODLE_TABLES = ['moodle_enrolments', 'moodle_users', 'moodle_course_contents', 'moodle_courses', 'moodle_categories', 'moodle_classifications'];

async function emptyMoodleTables(databasePath, databaseUrl) {
  if (databaseUrl) {
    const client = new Client({ connectionString: databaseUrl });
    await client.connect();
    try {
      for (const table of MOODLE_TABLES) await client.query(`DELETE FROM ${table}`);
    } finally {
      await client.end();
    }
    return;
  }
  const db = new Database(databasePath, { timeout: 5000 });
  try {
    for (const table of MOODLE_TABLES) db.prepare(`DELETE FROM ${table}`).run();
  } finally {
    db.close();
  }
}

/** `150x2500` → { courses: 150, users: 2500 }. */
export function parseSiteSize(text) {
  const match = /^(\d+)x(\d+)$/.exec(text ?? '');
  if (!match) throw new Error(`a Moodle site size is courses x users, e.g. 150x2500 (got "${text}")`);
  return { courses: Number(match[1]), users: Number(match[2]) };
}

const verdict = (isMet) => (isMet ? 'met' : 'MISSED');

/** Runs the Moodle memory benchmark against a running backend (pid `backendPid`). */
/** On PostgreSQL when `databaseUrl` is set (the server's database), else on the SQLite file at `databasePath`. */
export async function benchMoodle({ fetchApi, backendPid, databasePath, databaseUrl = null, startMoodleStandIn, sizes }) {
  console.log('Moodle sync, peak RSS of the worker (sampled VmHWM), two full runs per site size:');
  const peaks = [];
  for (const size of sizes) {
    const moodle = await startMoodleStandIn({ ...size, seed: 7 });
    try {
      const enrolments = [...moodle.site.data().enrolments.values()].reduce((sum, list) => sum + list.length, 0);
      const patch = await fetchApi('/sources/moodle', {
        method: 'PATCH',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ connection: { baseUrl: moodle.url, token: moodle.token } }),
      });
      if (!patch.ok) throw new Error(`could not point the Moodle source at the stand-in: ${await patch.text()}`);
      await emptyMoodleTables(databasePath, databaseUrl);
      console.log(`  ${size.courses} courses, ${size.users.toLocaleString('en')} users, ${enrolments.toLocaleString('en')} enrolments:`);
      let sizePeakKb = 0;
      for (const label of ['first run (inserts)', 'second (unchanged)']) {
        const memory = watchWorkerPeak(backendPid);
        const { wallMs, run } = await timedRun(fetchApi, 'moodle', { mode: 'full' });
        memory.stop();
        sizePeakKb = Math.max(sizePeakKb, memory.peakKb());
        const log = await (await fetchApi(`/runs/${run.id}/log`)).json();
        const commitMs = log.lines.map((line) => /switched live in one transaction in (\d+) ms/.exec(line.message)).find(Boolean)?.[1];
        console.log(
          `    ${label.padEnd(20)} ${run.status.padEnd(8)} wall ${(wallMs / 1000).toFixed(2)} s, run ${(run.durationMs / 1000).toFixed(2)} s, ` +
            `worker peak RSS ${mb(memory.peakKb()).toFixed(0)} MB, commit ${commitMs === undefined ? '?' : (Number(commitMs) / 1000).toFixed(2)} s, counts ${JSON.stringify(run.counts)}` +
            (run.status === 'success' ? '' : `: ${run.errorMessage}`),
        );
      }
      peaks.push({ size, peakMb: mb(sizePeakKb) });
    } finally {
      await moodle.close();
    }
  }
  if (peaks.length < 2) return;
  const [small, large] = [peaks[0], peaks.at(-1)];
  const growth = large.peakMb / small.peakMb - 1;
  console.log('  targets:');
  console.log(`    worker peak ≤ 160 MB at ${large.size.courses} × ${large.size.users}:  ${large.peakMb.toFixed(0)} MB — ${verdict(large.peakMb <= 160)}`);
  console.log(
    `    growth ≤ 25 % from ${small.size.courses} × ${small.size.users}:        ${small.peakMb.toFixed(0)} → ${large.peakMb.toFixed(0)} MB, ` +
      `${(growth * 100).toFixed(0)} % (ratio ${(large.peakMb / small.peakMb).toFixed(2)}) — ${verdict(growth <= 0.25)}`,
  );
}
