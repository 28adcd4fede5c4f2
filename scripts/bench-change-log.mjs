// The change log's cost in `npm run bench`: the students first full run on fresh backends (fresh databases) with the
// change log on and off (`HAMGAM_CHANGE_LOG=off`, read by the worker for this comparison only), alternating, `pairs`
// times; the medians of wall time and of the worker's CPU time are compared (CPU time is steadier on a busy machine).
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { childrenOf, signInToBackend, spawnBenchBackend, timedRun } from './bench-common.mjs';
import { configureStudents } from './bench-students.mjs';

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
  const server = spawnBenchBackend({ root, port, admin, gateway, dataDir, env: { HAMGAM_CHANGE_LOG: isChangeLogOn ? 'on' : 'off' } });
  try {
    const fetchApi = await signInToBackend({ server, port, admin, what: 'comparison backend' });
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
