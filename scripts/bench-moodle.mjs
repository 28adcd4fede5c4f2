// The Moodle part of `npm run bench` (`--only moodle`): the worker's peak memory at two site sizes. For each size
// a stand-in Moodle generates the site (`--moodle-small 150x2500 --moodle-large 600x10000`, courses × users), the
// Moodle tables are emptied, and two full runs go through the real runner: the first inserts, the second finds
// nothing changed. The worker's VmHWM is sampled from /proc every 20 ms (its peak RSS).
import { readFileSync, existsSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(new URL('../backend/package.json', import.meta.url));
const Database = require('better-sqlite3');
const mb = (kb) => kb / 1024;
const MOODLE_TABLES = ['moodle_enrolments', 'moodle_users', 'moodle_course_contents', 'moodle_courses', 'moodle_categories', 'moodle_classifications'];

function statusKb(pid, field) {
  try {
    const match = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) : 0;
  } catch {
    return 0; // the process is gone
  }
}

function childrenOf(pid) {
  const path = `/proc/${pid}/task/${pid}/children`;
  return existsSync(path) ? readFileSync(path, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number) : [];
}

/** The largest VmHWM of the backend's children (the run's worker) while it runs. */
function watchWorkerPeak(backendPid) {
  let peakKb = 0;
  const timer = setInterval(() => {
    for (const pid of childrenOf(backendPid)) peakKb = Math.max(peakKb, statusKb(pid, 'VmHWM'));
  }, 20);
  return { peakKb: () => peakKb, stop: () => clearInterval(timer) };
}

/** Triggers a full Moodle run and waits for its `run.finished` event (no polling while it is measured). */
async function timedRun(fetchApi) {
  const controller = new AbortController();
  const stream = await fetchApi('/events', { signal: controller.signal });
  const reader = stream.body.pipeThrough(new TextDecoderStream()).getReader();
  const started = performance.now();
  const response = await fetchApi('/sources/moodle/runs', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ mode: 'full' }),
  });
  if (!response.ok) throw new Error(`could not start a Moodle run: ${response.status} ${await response.text()}`);
  const run = await response.json();
  let buffer = '';
  try {
    for (;;) {
      const { value, done } = await reader.read();
      if (done) throw new Error('the event stream closed before the run finished');
      buffer += value;
      for (let end = buffer.indexOf('\n\n'); end >= 0; end = buffer.indexOf('\n\n')) {
        const data = buffer
          .slice(0, end)
          .split('\n')
          .find((line) => line.startsWith('data:'));
        buffer = buffer.slice(end + 2);
        const event = data ? JSON.parse(data.slice(5)) : null;
        if (event?.type === 'run.finished' && event.run.id === run.id) return { wallMs: performance.now() - started, run: event.run };
      }
    }
  } finally {
    controller.abort();
  }
}

function emptyMoodleTables(databasePath) {
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
export async function benchMoodle({ fetchApi, backendPid, databasePath, startMoodleStandIn, sizes }) {
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
      emptyMoodleTables(databasePath);
      console.log(`  ${size.courses} courses, ${size.users.toLocaleString('en')} users, ${enrolments.toLocaleString('en')} enrolments:`);
      let sizePeakKb = 0;
      for (const label of ['first run (inserts)', 'second (unchanged)']) {
        const memory = watchWorkerPeak(backendPid);
        const { wallMs, run } = await timedRun(fetchApi);
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
