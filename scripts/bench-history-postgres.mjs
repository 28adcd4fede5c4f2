// The history part of `npm run bench` on PostgreSQL: the same 1,000,000 generated runs and the same requests as on
// SQLite, on a second backend whose database is a throwaway PostgreSQL database, compared with the SQLite figures
// just measured (issue #15: p95 ≤ 25 ms on both databases, from the same bench run).
import { startPostgresBackend } from './bench-common.mjs';
import { benchHistory } from './bench-history.mjs';

const TARGET_MS = 25;

/** Seeds and times the history on PostgreSQL, then prints the worst p95 of each database against the target. */
export async function benchHistoryPostgres({ root, gateway, port, admin, adminUrl, rows, sqlite }) {
  const backend = await startPostgresBackend({ root, gateway, port, admin, adminUrl, prefix: 'hamgam_bench_history_', what: 'PostgreSQL backend (history)' });
  try {
    const postgres = await benchHistory({ root, databasePath: null, databaseUrl: backend.database.url, rows, get: backend.fetchApi });
    console.log(`  history p95 on both databases (target ≤ ${TARGET_MS} ms for every request above):`);
    for (const [name, results] of [
      ['SQLite', sqlite],
      ['PostgreSQL', postgres],
    ]) {
      const worst = results.reduce((a, b) => (b.p95 > a.p95 ? b : a));
      const over = results.filter((result) => result.p95 > TARGET_MS).length;
      console.log(
        `    ${name.padEnd(10)} worst p95 ${worst.p95.toFixed(1)} ms (${worst.label}); ${over} of ${results.length} over — ${over === 0 ? 'met' : 'MISSED'}`,
      );
    }
  } finally {
    await backend.stop();
  }
}
