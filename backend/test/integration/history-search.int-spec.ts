import type { Page, SyncRun } from '@hamgam/shared';
import { insertRows } from '../../src/common/database/insert-rows';
import type { SqlDb, SqlValue } from '../../src/common/database/sql-db';
import { MAX_COUNTED_RUNS } from '../../src/history/run-history.service';
import { FEW_FILTERED_RUNS, FEW_TEXT_MATCHES } from '../../src/history/text-search';
import { getBytes, startTestApp, type TestApp } from './helpers/test-app';

type Seeded = {
  id: number;
  sourceId: string;
  status: string;
  trigger: string;
  triggeredBy: string;
  createdAt: string;
  durationMs: number;
  fetched: number;
  errorMessage: string | null;
};

const RUNS = 12_000;
const MINUTE = 60_000;
const START = Date.parse('2025-01-01T00:00:00Z');
const SOURCES = ['faculty', 'legacy-faculty'];
const TRIGGERS = ['manual', 'schedule', 'api'];

/**
 * Enough runs that a text search takes each of its plans: "Service Unavailable" is in 3,000 messages (more than
 * FEW_TEXT_MATCHES), each source has 6,000 runs (more than FEW_FILTERED_RUNS), Sara's failed runs are few. Durations
 * repeat, so the id must break ties. Written through the app's own connection (SQLite or PostgreSQL); each run's
 * `created_at` is unique, so the ids the database gave are read back by it.
 */
async function seed(db: SqlDb): Promise<Seeded[]> {
  await db.run(
    `INSERT INTO sources (id, kind, enabled, timeout_seconds, options, command, created_at, updated_at)
    VALUES ('legacy-faculty', 'command', ?, 60, '{}', '{"executable":"true","args":[],"cwd":".","countPattern":"(\\\\d+)"}', '2026-01-01', '2026-01-01')`,
    [true],
  );
  const columns = [
    'source_id',
    'trigger',
    'triggered_by',
    'status',
    'created_at',
    'started_at',
    'finished_at',
    'duration_ms',
    'fetched',
    'rejected',
    'error_kind',
    'error_message',
  ];
  const runs: Omit<Seeded, 'id'>[] = [];
  const rows: SqlValue[][] = [];
  for (let i = 0; i < RUNS; i++) {
    const status = i % 4 === 3 ? 'success' : 'failed';
    const trigger = TRIGGERS[i % 3];
    const triggeredBy = trigger === 'schedule' ? 'scheduler' : i % 5 === 0 ? 'sara' : 'admin';
    const errorMessage =
      status === 'success'
        ? null
        : [`gateway answered 503 Service Unavailable (attempt ${i % 7})`, `connect ECONNREFUSED 10.0.0.${i % 250}:443`, `کد ملی نامعتبر در ردیف ${i}`][i % 3];
    const run = {
      sourceId: SOURCES[i % 2],
      status,
      trigger,
      triggeredBy,
      createdAt: new Date(START + i * MINUTE).toISOString(),
      durationMs: (i * 37) % 1000,
      fetched: i % 100,
      errorMessage,
    };
    runs.push(run);
    const kind = status === 'failed' ? 'upstream' : null;
    rows.push([run.sourceId, trigger, triggeredBy, status, run.createdAt, run.createdAt, run.createdAt, run.durationMs, run.fetched, 0, kind, errorMessage]);
  }
  // The students source: 40 failed runs of its own, 4 of them with the common text, each written as the runner
  // does (created without a message, the message set when it fails). No moodle run carries a message.
  const students: Omit<Seeded, 'id'>[] = [];
  for (let j = 0; j < 40; j++) {
    const run = {
      sourceId: 'students',
      status: 'failed',
      trigger: 'manual',
      triggeredBy: 'reza',
      createdAt: new Date(START + (RUNS + j) * MINUTE).toISOString(),
      durationMs: (j * 53) % 1000,
      fetched: j,
      errorMessage: j % 13 === 0 ? 'gateway answered 503 Service Unavailable' : `Students_2 answered 500 for campus ${j}`,
    };
    students.push(run);
  }
  await db.transaction(async (tx) => {
    await insertRows(tx, 'data_syncs', columns, rows);
    // One at a time: a source has one running run at most (a partial unique index).
    for (const run of students) {
      const row = [run.sourceId, run.trigger, run.triggeredBy, 'running', run.createdAt, run.createdAt, null, run.durationMs, run.fetched, 0, null, null];
      await insertRows(tx, 'data_syncs', columns, [row]);
      await tx.run(`UPDATE data_syncs SET status = 'failed', error_kind = 'upstream', error_message = ? WHERE created_at = ?`, [
        run.errorMessage,
        run.createdAt,
      ]);
    }
  });
  const ids = new Map(
    (await db.all<{ id: number; created_at: string }>(`SELECT id, created_at FROM data_syncs`)).map((row) => [row.created_at, Number(row.id)]),
  );
  return [...runs, ...students].map((run) => ({ id: ids.get(run.createdAt)!, ...run }));
}

/** What the history must answer, worked out in memory from the seeded runs. */
function expected(runs: Seeded[], params: URLSearchParams): { ids: number[]; total: number } {
  const text = params.get('q')?.toLowerCase();
  const sort = (params.get('sort') ?? 'createdAt') as 'createdAt' | 'durationMs' | 'fetched';
  const direction = params.get('order') === 'asc' ? 1 : -1;
  const matching = runs
    .filter((run) => !params.has('sourceId') || run.sourceId === params.get('sourceId'))
    .filter((run) => !params.has('status') || run.status === params.get('status'))
    .filter((run) => !params.has('triggeredBy') || run.triggeredBy === params.get('triggeredBy'))
    .filter((run) => !params.has('from') || run.createdAt >= params.get('from')!)
    .filter((run) => !params.has('to') || run.createdAt < params.get('to')!)
    .filter((run) => !text || run.errorMessage?.toLowerCase().includes(text) === true)
    .sort((a, b) => direction * (a[sort] < b[sort] ? -1 : a[sort] > b[sort] ? 1 : a.id - b.id));
  const page = Number(params.get('page') ?? 1);
  const pageSize = Number(params.get('pageSize') ?? 20);
  return { ids: matching.slice((page - 1) * pageSize, page * pageSize).map((run) => run.id), total: matching.length };
}

describe('the run history with many runs', () => {
  let t: TestApp;
  let runs: Seeded[];
  const list = async (query: string) => (await t.http().get(`/api/runs?${query}`).expect(200)).body as Page<SyncRun>;
  // The id column of the CSV export, after its BOM and header.
  const exportedIds = async (query: string) =>
    (await getBytes(t.http(), `/api/runs/export.csv?${query}`)).body
      .subarray(3)
      .toString('utf8')
      .trim()
      .split('\n')
      .slice(1)
      .map((line) => Number(line.split(',')[0]));

  beforeAll(async () => {
    t = await startTestApp();
    runs = await seed(t.sql);
  });

  afterAll(async () => {
    await t.close();
  });

  it('should seed text and filters past the thresholds where the search changes plan', () => {
    expect(expected(runs, new URLSearchParams('q=Service Unavailable')).total).toBeGreaterThan(FEW_TEXT_MATCHES);
    expect(expected(runs, new URLSearchParams('sourceId=faculty')).total).toBeGreaterThan(FEW_FILTERED_RUNS);
    expect(expected(runs, new URLSearchParams('status=failed&triggeredBy=sara')).total).toBeLessThan(FEW_FILTERED_RUNS);
    expect(expected(runs, new URLSearchParams('q=Service Unavailable&sourceId=students')).total).toBe(4);
  });

  it.each([
    ['common text, newest first', 'q=Service Unavailable&pageSize=50'],
    ['common text in lower case, a later page', 'q=service unavailable&pageSize=50&page=7'],
    ['common text, oldest first', 'q=Service Unavailable&order=asc&pageSize=25&page=3'],
    ['common text and a source that keeps many runs', 'q=Service Unavailable&sourceId=faculty&pageSize=50&page=2'],
    ['common text and filters that keep few runs', 'q=Service Unavailable&status=failed&triggeredBy=sara&pageSize=50'],
    ['common text sorted by duration (ties broken by id)', 'q=Service Unavailable&sort=durationMs&order=desc&pageSize=50&page=3'],
    ['common text from a date that leaves few runs', `q=503 Service&from=${new Date(START + 9000 * MINUTE).toISOString()}&pageSize=50`],
    ['common text from a date that leaves many runs', `q=503 Service&from=${new Date(START + 5000 * MINUTE).toISOString()}&pageSize=50&page=2`],
    [
      'common text in a date range, oldest first',
      `q=503 Service&from=${new Date(START + 1000 * MINUTE).toISOString()}&to=${new Date(START + 9000 * MINUTE).toISOString()}&order=asc&pageSize=50&page=3`,
    ],
    ['common text and a source that has it a few times', 'q=Service Unavailable&sourceId=students&pageSize=50'],
    ['common text and a source that has it a few times, by duration', 'q=Service Unavailable&sourceId=students&sort=durationMs&order=asc&pageSize=2&page=2'],
    ['common text and a source that never has it', 'q=Service Unavailable&sourceId=moodle&pageSize=50'],
    ['common text and successful runs (no messages)', 'q=Service Unavailable&status=success&pageSize=50'],
    ["a source's own text and who started its runs", 'q=Students_2 answered&triggeredBy=reza&status=failed&pageSize=10&page=3'],
    ['rare text', 'q=ردیف 1234&pageSize=50'],
    ['rare text sorted by records fetched', 'q=ردیف 12&sort=fetched&order=asc&pageSize=50&page=2'],
    ['text with a LIKE wildcard', 'q=0.0.1_&pageSize=50'],
    ['text with quotes', 'q="503"&pageSize=50'],
    ['text too short for the index', 'q=1)&pageSize=50'],
    ['a source sorted by duration', 'sourceId=legacy-faculty&sort=durationMs&order=asc&pageSize=50&page=4'],
    ['failed runs sorted by records fetched', 'status=failed&sort=fetched&order=desc&pageSize=50&page=2'],
  ])('should return the same runs, order and total as a scan would when searching %s', async (_label, query) => {
    const params = new URLSearchParams(query);
    const page = await list(params.toString());
    const want = expected(runs, params);
    expect(page.items.map((run) => Number(run.id))).toEqual(want.ids);
    // A total is exact, or "more than" one that still reaches past the next page.
    if (page.isTotalCapped) {
      expect(page.total).toBeLessThan(want.total);
      expect(page.total).toBeGreaterThan(page.page * page.pageSize);
    } else {
      expect(page.total).toBe(want.total);
    }
  });

  it('should give the total as "more than" past the counted limit, and count far enough for the next pages', async () => {
    const first = await list('pageSize=50');
    expect(first).toMatchObject({ total: MAX_COUNTED_RUNS, isTotalCapped: true });
    const nearLimit = await list('pageSize=50&page=195');
    expect(nearLimit.items.map((run) => Number(run.id))).toEqual(expected(runs, new URLSearchParams('pageSize=50&page=195')).ids);
    expect(nearLimit).toMatchObject({ total: MAX_COUNTED_RUNS, isTotalCapped: true });
    expect(await list('pageSize=50&page=196')).toMatchObject({ total: runs.length, isTotalCapped: false });
    expect(await list(`pageSize=50&page=${Math.ceil(runs.length / 50) + 1}`)).toMatchObject({ items: [], total: runs.length, isTotalCapped: false });
  });

  it('should tell the exact total from a short last page', async () => {
    const query = 'q=Service Unavailable&sourceId=faculty&pageSize=70';
    const { total } = expected(runs, new URLSearchParams(query));
    const lastPage = Math.ceil(total / 70);
    expect(total % 70).toBeGreaterThan(0);
    const last = await list(`${query}&page=${lastPage}`);
    expect(last.items.map((run) => Number(run.id))).toEqual(expected(runs, new URLSearchParams(`${query}&page=${lastPage}`)).ids);
    expect(last).toMatchObject({ total, isTotalCapped: false });
  });

  it('should export every run a common text search matches, newest first', async () => {
    const ids = await exportedIds('q=Service%20Unavailable&sourceId=faculty');
    expect(ids).toEqual(expected(runs, new URLSearchParams(`q=Service Unavailable&sourceId=faculty&pageSize=${RUNS}`)).ids);
  });

  it('should export the runs whose message holds a text too short for the index', async () => {
    const ids = await exportedIds('q=5)&order=asc');
    expect(ids).toEqual(expected(runs, new URLSearchParams(`q=5)&order=asc&pageSize=${RUNS}`)).ids);
    expect(ids.length).toBeGreaterThan(0);
  });
});
