// The history benchmark (part of `npm run bench`): fills data_syncs with N generated runs through a raw
// connection, then times filtered, paged `GET /api/runs` requests over HTTP against the running server.
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { toPersianDigits } from '../stand-ins/dist/index.js';

const SOURCES = ['faculty', 'students', 'moodle', 'crm', 'legacy-faculty'];
const STATUSES = ['success', 'success', 'success', 'success', 'success', 'success', 'success', 'failed', 'failed', 'cancelled'];
const TRIGGERS = ['schedule', 'schedule', 'schedule', 'manual', 'api', 'cli'];
const USERS = ['sara', 'reza', 'admin', 'maryam'];
// Four kinds of failure, 50,000 runs each; two carry a varying part, so a search may be rare (an address: ~200 runs).
const ERRORS = [
  () => 'gateway answered 503 Service Unavailable',
  (i) => `connect ECONNREFUSED 10.0.0.${Math.floor(i / 20) % 250}:443`,
  (i) => `کد ملی نامعتبر در ردیف ${toPersianDigits(String(Math.floor(i / 20) % 5000))}`,
  () => 'the run took longer than 3600 s',
];
const DAY = 24 * 3600 * 1000;

/** Run i of `rows`: five years of runs, oldest first, spread evenly; a deterministic mix of sources, statuses and triggers. */
function runRow(i, rows, now) {
  const span = 5 * 365 * DAY;
  const at = new Date(now - span + Math.floor((i * span) / rows)).toISOString();
  // Every 50,000th run of crm fails like the gateway does: a text common elsewhere, rare in one source.
  const isRareGatewayFailure = i % 50_000 === 3;
  const status = isRareGatewayFailure ? 'failed' : STATUSES[(i * 7) % STATUSES.length];
  const trigger = TRIGGERS[(i * 5) % TRIGGERS.length];
  const by = trigger === 'schedule' ? 'scheduler' : trigger === 'cli' ? 'cli' : USERS[Math.floor(i / 6) % USERS.length];
  const error = isRareGatewayFailure ? ERRORS[0](i) : status === 'failed' ? ERRORS[i % ERRORS.length](i) : null;
  const fetched = 1000 + (i % 5000);
  return [
    SOURCES[i % SOURCES.length],
    trigger,
    by,
    status,
    at,
    at,
    at,
    500 + ((i * 37) % 600_000),
    fetched,
    i % 50,
    i % 200,
    fetched - 250,
    i % 30,
    error ? 'upstream' : null,
    error,
  ];
}

const RUN_COLUMNS = `source_id, trigger, triggered_by, status, created_at, started_at, finished_at, duration_ms,
    fetched, inserted, updated, unchanged, deleted, rejected, error_kind, error_message`;

function seed(Database, databasePath, rows) {
  const db = new Database(databasePath);
  db.pragma('journal_mode = WAL');
  const now = Date.now();
  const addSource = db.prepare(
    `INSERT OR IGNORE INTO sources (id, kind, enabled, timeout_seconds, options, created_at, updated_at) VALUES (?, 'connector', 1, 3600, '{}', ?, ?)`,
  );
  for (const id of SOURCES) addSource.run(id, new Date(now).toISOString(), new Date(now).toISOString());
  const insert = db.prepare(`INSERT INTO data_syncs (${RUN_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?, ?)`);
  const fill = db.transaction((from, to) => {
    for (let i = from; i < to; i++) insert.run(...runRow(i, rows, now));
  });
  const started = performance.now();
  for (let from = 0; from < rows; from += 50_000) fill(from, Math.min(rows, from + 50_000));
  // What the daily job does (RetentionService.optimizeIndexes): merge the full-text indexes' segments, then statistics.
  for (const table of ['data_syncs_fts', 'run_messages_fts']) db.exec(`INSERT INTO ${table} (${table}) VALUES ('optimize')`);
  db.pragma('optimize');
  db.exec('ANALYZE');
  // The running server's connection keeps the statistics it loaded at start-up (a table of a few rows then) until the
  // schema changes: ANALYZE from this connection alone left it planning "text + last 30 days" by scanning run ids
  // (~200 ms instead of ~8 ms). The daily job (PRAGMA optimize) analyses on the server's own connection; only the bench seeds from another.
  db.exec('CREATE TABLE bench_reload_statistics (x INTEGER); DROP TABLE bench_reload_statistics;');
  db.close();
  return performance.now() - started;
}

/** The same rows into PostgreSQL, 1,000 a statement, then VACUUM ANALYZE (autovacuum would run it a little later). */
async function seedPostgres(Client, databaseUrl, rows) {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const now = Date.now();
    for (const id of SOURCES) {
      await client.query(
        `INSERT INTO sources (id, kind, enabled, timeout_seconds, options, created_at, updated_at) VALUES ($1, 'connector', TRUE, 3600, '{}', $2, $2) ON CONFLICT DO NOTHING`,
        [id, new Date(now).toISOString()],
      );
    }
    const [{ count }] = (await client.query('SELECT COUNT(*)::int AS count FROM data_syncs')).rows;
    // A kept database (`--postgres-database`) already holding the runs is not seeded again.
    if (count >= rows) return 0;
    const started = performance.now();
    await client.query('BEGIN');
    for (let from = 0; from < rows; from += 1000) {
      const values = [];
      const tuples = [];
      for (let i = from; i < Math.min(rows, from + 1000); i++) {
        const row = runRow(i, rows, now);
        row.splice(12, 0, 0);
        tuples.push(`(${row.map((_, k) => `$${values.length + k + 1}`).join(', ')})`);
        values.push(...row);
      }
      await client.query(`INSERT INTO data_syncs (${RUN_COLUMNS}) VALUES ${tuples.join(', ')}`, values);
    }
    await client.query('COMMIT');
    // What autovacuum does after this many inserts (autovacuum_vacuum_insert_threshold): statistics, and the visibility
    // map that lets a count read an index alone (after ANALYZE only, every index entry is checked in the table).
    await client.query('VACUUM ANALYZE');
    return performance.now() - started;
  } finally {
    await client.end();
  }
}

const percentile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];

export async function benchHistory({ root, databasePath, databaseUrl = null, rows, get }) {
  const backendRequire = createRequire(join(root, 'backend/package.json'));
  console.log(`\nhistory (${databaseUrl ? 'PostgreSQL' : 'SQLite'}): seeding ${rows.toLocaleString('en')} runs into data_syncs …`);
  const seedMs = databaseUrl ? await seedPostgres(backendRequire('pg').Client, databaseUrl, rows) : seed(backendRequire('better-sqlite3'), databasePath, rows);
  console.log(`  seeded in ${(seedMs / 1000).toFixed(1)} s; GET /api/runs over HTTP (signed in), 200 requests each after 20 warm-up:`);
  const monthAgo = new Date(Date.now() - 30 * DAY).toISOString();
  const yearAgo = new Date(Date.now() - 365 * DAY).toISOString();
  const twoYearsAgo = new Date(Date.now() - 2 * 365 * DAY).toISOString();
  const cases = [
    ['no filter, page 1', 'pageSize=50'],
    ['source + status', 'sourceId=students&status=failed&pageSize=50'],
    ['status, page 100', 'status=success&pageSize=50&page=100'],
    ['last 30 days + status', `from=${monthAgo}&status=failed&pageSize=50`],
    ['range (a year, 2 years ago) + source', `from=${twoYearsAgo}&to=${yearAgo}&sourceId=moodle&pageSize=50`],
    ['trigger + who', 'trigger=manual&triggeredBy=sara&pageSize=50'],
    ['source, sorted by duration', 'sourceId=crm&sort=durationMs&order=desc&pageSize=50'],
    ['failed, sorted by rejected, page 10', 'status=failed&sort=rejected&order=desc&pageSize=50&page=10'],
    ['everything at once', `sourceId=faculty&status=failed&trigger=manual&triggeredBy=sara&from=${yearAgo}&q=503&pageSize=50`],
    ['text, common (50,000 runs)', 'q=Service%20Unavailable&pageSize=50'],
    ['text, common, page 20', 'q=Service%20Unavailable&pageSize=50&page=20'],
    ['text, rare (an address)', 'q=10.0.0.17%3A&pageSize=50'],
    ['text, Persian', `q=${encodeURIComponent('ردیف ۱۲۳')}&pageSize=50`],
    ['text + its source', 'q=Service%20Unavailable&sourceId=legacy-faculty&pageSize=50'],
    ['text + last 30 days', `q=Service%20Unavailable&from=${monthAgo}&pageSize=50`],
    ['text, sorted by duration', 'q=Service%20Unavailable&sort=durationMs&order=desc&pageSize=50'],
    ['text + a source where it is rare', 'q=Service%20Unavailable&sourceId=crm&pageSize=50'],
    ['text + a source it never occurs in', 'q=Service%20Unavailable&sourceId=students&pageSize=50'],
    ['text + successful runs', 'q=Service%20Unavailable&status=success&pageSize=50'],
    ['varied text + a source without it', `q=${encodeURIComponent('ردیف')}&sourceId=crm&pageSize=50`],
  ];
  const results = [];
  for (const [label, query] of cases) {
    const times = [];
    let total = 0;
    let capped = false;
    for (let i = 0; i < 220; i++) {
      const started = performance.now();
      // The first request may meet a keep-alive socket the server closed while the seed ran: retry it once.
      const response = await get(`/runs?${query}`).catch(() => get(`/runs?${query}`));
      const body = await response.json();
      if (!response.ok) throw new Error(`${label}: HTTP ${response.status} ${JSON.stringify(body)}`);
      if (i >= 20) times.push(performance.now() - started);
      total = body.total;
      capped = body.isTotalCapped === true;
    }
    times.sort((a, b) => a - b);
    const [p50, p95] = [percentile(times, 50), percentile(times, 95)];
    results.push({ label, p95 });
    console.log(
      `  ${label.padEnd(38)} total ${(capped ? '>' : '') + total.toLocaleString('en').padStart(capped ? 8 : 9)}  p50 ${p50.toFixed(1).padStart(5)} ms  p95 ${p95.toFixed(1).padStart(5)} ms${p95 > 25 ? '  (over 25 ms)' : ''}`,
    );
  }
  return results;
}
