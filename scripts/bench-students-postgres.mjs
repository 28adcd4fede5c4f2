// The students part of `npm run bench` on PostgreSQL: the same generated university (the same stand-in gateway), a
// full run then an unchanged one, on a second backend whose database is a throwaway PostgreSQL database, compared
// with the SQLite runs just measured (issue #15: PostgreSQL ≤ 1.3 × SQLite). PostgreSQL's own processes are not in
// the RSS or CPU figures (the server runs outside the backend's process tree).
import { startPostgresBackend, timedRun } from './bench-common.mjs';
import { configureStudents, watchMemory } from './bench-students.mjs';

const mb = (kb) => kb / 1024;
const TARGET = 1.3;

/** Runs the students full and unchanged runs on PostgreSQL and prints them against `sqlite` ({ first, second } of benchStudents). */
export async function benchStudentsPostgres({ root, gateway, port, admin, year, concurrency, adminUrl, sqlite }) {
  const backend = await startPostgresBackend({ root, gateway, port, admin, adminUrl, prefix: 'hamgam_bench_students_', what: 'PostgreSQL backend' });
  const { database } = backend;
  try {
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
    // Which of a student's terms is "updated" and which "unchanged" depends on the order four calls at once finish in
    // (a later term first makes the earlier one unchanged); every other count, and the two together, do not.
    const comparable = ({ updated, unchanged, ...counts }) => JSON.stringify({ ...counts, updatedOrUnchanged: updated + unchanged });
    const sameCounts = comparable(first.run.counts) === comparable(sqlite.first.run.counts);
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
    console.log(`    the same counts as on SQLite (updated + unchanged together):  ${sameCounts ? 'yes' : `NO (${JSON.stringify(sqlite.first.run.counts)})`}`);
  } finally {
    await backend.stop();
  }
}
