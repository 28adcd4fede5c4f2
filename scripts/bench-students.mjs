// The students part of `npm run bench`: a full run of a generated university through the real runner, a second
// run with nothing changed, and the lean reference (bench-students-reference.mjs) over the same calls.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { againOnStaleSocket, childrenOf, statusKb, timedRun } from './bench-common.mjs';

const require = createRequire(new URL('../backend/package.json', import.meta.url));
const Database = require('better-sqlite3');
const root = new URL('..', import.meta.url).pathname;
const mb = (kb) => kb / 1024;

/** CPU seconds (user + system) a live process has used so far. */
export function cpuSeconds(pid) {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return null;
  }
}

/** Samples the backend and its workers every 20 ms: peak RSS of each and of all together, and CPU used. */
export function watchMemory(backendPid) {
  // `total` is the largest sum at one instant; `atTotal` its split (the HWM peaks above may come from other moments).
  const peaks = { backend: 0, worker: 0, total: 0, atTotal: { backend: 0, worker: 0 } };
  const cpu = { backendStart: cpuSeconds(backendPid), backend: 0, workers: new Map() };
  const timer = setInterval(() => {
    cpu.backend = cpuSeconds(backendPid) - cpu.backendStart;
    for (const pid of childrenOf(backendPid)) cpu.workers.set(pid, cpuSeconds(pid) ?? cpu.workers.get(pid) ?? 0);
    const backend = statusKb(backendPid, 'VmRSS');
    const workers = childrenOf(backendPid).map((pid) => ({ rss: statusKb(pid, 'VmRSS'), hwm: statusKb(pid, 'VmHWM') }));
    peaks.backend = Math.max(peaks.backend, statusKb(backendPid, 'VmHWM'));
    peaks.worker = Math.max(peaks.worker, ...workers.map((w) => w.hwm), 0);
    const workersRss = workers.reduce((sum, w) => sum + w.rss, 0);
    if (backend + workersRss > peaks.total) {
      peaks.total = backend + workersRss;
      peaks.atTotal = { backend, worker: workersRss };
    }
  }, 20);
  return { peaks, cpu, stop: () => clearInterval(timer) };
}

function lastWrites(databasePath) {
  const db = new Database(databasePath, { readonly: true });
  const row = db.prepare('SELECT (SELECT MAX(updated_at) FROM students) AS students, (SELECT MAX(updated_at) FROM student_terms) AS terms').get();
  db.close();
  return row;
}

function runReference(settings) {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, [join(root, 'scripts/bench-students-reference.mjs'), JSON.stringify(settings)], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    let peakKb = 0;
    let cpu = 0;
    const timer = setInterval(() => {
      peakKb = Math.max(peakKb, statusKb(child.pid, 'VmHWM'));
      cpu = cpuSeconds(child.pid) ?? cpu;
    }, 20);
    child.stdout.on('data', (chunk) => (out += chunk));
    child.on('exit', (code) => {
      clearInterval(timer);
      if (code !== 0) return reject(new Error(`the reference exited with ${code}`));
      resolve({ wallMs: performance.now() - started, peakKb, cpu, ...JSON.parse(out) });
    });
  });
}

const verdict = (isMet) => (isMet ? 'met' : 'MISSED');

/** API calls with the benchmark's session (set by benchStudents). */
let fetchApi = null;

/** Sets the students source to every campus of the generated university over five years; answers its page size. */
export async function configureStudents(fetchApi, campuses, year, concurrency) {
  const patch = await againOnStaleSocket(() =>
    fetchApi(`/sources/students`, {
      method: 'PATCH',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ options: { campuses, fromYear: year - 4, toYear: year, concurrency } }),
    }),
  );
  if (!patch.ok) throw new Error(`could not set the students options: ${await patch.text()}`);
  return (await patch.json()).options.pageSize;
}

/** Runs the students benchmark against a running backend (pid `backendPid`) and the stand-in `gateway`. */
export async function benchStudents({ api, fetchApi: signedInFetch, gateway, backendPid, databasePath, referencePath, concurrency, year }) {
  fetchApi = signedInFetch;
  const campuses = gateway.students.campuses.map(({ code, name }) => ({ code, name }));
  const terms = [];
  for (let y = year - 4; y <= year; y += 1) for (const t of [1, 2, 3]) terms.push(`${y % 1000}${t}`);
  // Generates (and caches) the whole university before anything is timed.
  const size = gateway.students.size(terms);
  const pageSize = await configureStudents(fetchApi, campuses, year, concurrency);
  // The gateway's answers are encoded once, before anything is timed: a real gateway's own work happens on
  // its machine, not on the 2 cores Hamgam (or the reference) is measured on.
  for (const campus of campuses) {
    for (const term of terms) {
      for (
        let page = 1;
        gateway.students.pageAnswer(campus.code, term, page, pageSize) && gateway.students.page(campus.code, term, page, pageSize).length === pageSize;
        page += 1
      );
    }
  }
  console.log(
    `students sync of ${campuses.length} campuses × ${terms.length} terms (${terms[0]}–${terms.at(-1)}): ${size.rows.toLocaleString('en')} rows, ` +
      `${size.students.toLocaleString('en')} students; concurrency ${concurrency}, page size ${pageSize}:`,
  );

  const results = [];
  for (const label of ['first full run', 'second (unchanged)']) {
    const callsBefore = gateway.stats().dataCalls;
    const memory = watchMemory(backendPid);
    const writesBefore = results.length > 0 ? lastWrites(databasePath) : null;
    const { wallMs, run } = await timedRun(fetchApi, 'students', { mode: 'full' });
    memory.stop();
    const calls = gateway.stats().dataCalls - callsBefore;
    const rewritten = writesBefore ? JSON.stringify(lastWrites(databasePath)) !== JSON.stringify(writesBefore) : null;
    const workerCpu = [...memory.cpu.workers.values()].reduce((sum, seconds) => sum + seconds, 0);
    results.push({ wallMs, run, peaks: memory.peaks, rewritten, cpu: { backend: memory.cpu.backend, worker: workerCpu } });
    console.log(
      `  ${label.padEnd(20)} ${run.status.padEnd(8)} wall ${(wallMs / 1000).toFixed(2)} s, run ${(run.durationMs / 1000).toFixed(2)} s, ` +
        `${Math.round(run.counts.fetched / (wallMs / 1000)).toLocaleString('en')} rows/s, ${calls} calls, ` +
        `peak RSS backend ${mb(memory.peaks.backend).toFixed(0)} MB, worker ${mb(memory.peaks.worker).toFixed(0)} MB, ` +
        `together ${mb(memory.peaks.total).toFixed(0)} MB (${mb(memory.peaks.atTotal.backend).toFixed(0)} + ${mb(memory.peaks.atTotal.worker).toFixed(0)}); CPU worker ${workerCpu.toFixed(2)} s, backend ${memory.cpu.backend.toFixed(2)} s; ` +
        `counts ${JSON.stringify(run.counts)}`,
    );
  }

  const [first, second] = results;
  const reference = await runReference({
    baseUrl: gateway.url,
    username: gateway.username,
    password: gateway.password,
    databasePath: referencePath,
    campuses: campuses.map((c) => c.code),
    terms,
    concurrency,
    pageSize,
  });
  const ratio = first.wallMs / reference.wallMs;
  console.log(
    `  ${'lean reference'.padEnd(20)} wall ${(reference.wallMs / 1000).toFixed(2)} s, ${Math.round(reference.rows / (reference.wallMs / 1000)).toLocaleString('en')} rows/s, ` +
      `${reference.calls} calls, peak RSS ${mb(reference.peakKb).toFixed(0)} MB, CPU ${reference.cpu.toFixed(2)} s`,
  );
  const peakTotal = mb(Math.max(first.peaks.total, second.peaks.total));
  const secondRatio = second.wallMs / first.wallMs;
  const isUnchanged = second.run.counts.inserted === 0 && second.run.counts.updated === 0 && second.run.counts.deleted === 0 && second.rewritten === false;
  console.log('  targets (2-core machine):');
  console.log(`    full run ≤ 1.2 × reference:          ${ratio.toFixed(2)} × — ${verdict(ratio <= 1.2)}`);
  console.log(`    peak RSS of Hamgam ≤ 200 MB:          ${peakTotal.toFixed(0)} MB (backend + worker, sampled together) — ${verdict(peakTotal <= 200)}`);
  console.log(`    unchanged re-run ≤ 0.5 × first run:   ${secondRatio.toFixed(2)} × — ${verdict(secondRatio <= 0.5)}`);
  console.log(`    re-run rewrites zero rows:            ${isUnchanged ? 'none rewritten' : 'rows were rewritten'} — ${verdict(isUnchanged)}`);
  return { first, second };
}
