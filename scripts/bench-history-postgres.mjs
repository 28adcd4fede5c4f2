// The history part of `npm run bench` on PostgreSQL: the same 1,000,000 generated runs and the same requests as on
// SQLite, on a second backend whose database is a throwaway PostgreSQL database, compared with the SQLite figures
// just measured (issue #15: p95 ≤ 25 ms on both databases, from the same bench run).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createBenchDatabase, signInToBackend, spawnBenchBackend } from './bench-common.mjs';
import { benchHistory } from './bench-history.mjs';

const TARGET_MS = 25;

/** Seeds and times the history on PostgreSQL, then prints the worst p95 of each database against the target. */
export async function benchHistoryPostgres({ root, gateway, port, admin, adminUrl, rows, sqlite }) {
  const database = await createBenchDatabase(root, adminUrl, { prefix: 'hamgam_bench_history_' });
  const dataDir = mkdtempSync(join(tmpdir(), 'hamgam-bench-history-pg-'));
  let server = null;
  try {
    server = spawnBenchBackend({ root, port, admin, gateway, dataDir, env: { DATABASE_URL: database.url } });
    const fetchApi = await signInToBackend({ server, port, admin, what: 'PostgreSQL backend (history)' });
    const postgres = await benchHistory({ root, databasePath: null, databaseUrl: database.url, rows, get: fetchApi });
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
    if (server) {
      server.kill('SIGTERM');
      await new Promise((resolve) => (server.exitCode !== null ? resolve() : server.once('exit', resolve)));
    }
    rmSync(dataDir, { recursive: true, force: true });
    await database.drop();
  }
}
