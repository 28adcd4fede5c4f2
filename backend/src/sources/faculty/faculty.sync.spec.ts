import { DISABLED_CHANGE_WRITER } from '../../sync/changes/change-writer';
import { SqliteDb } from '../../common/database/sqlite-db';
import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { QueryRunner } from 'typeorm';
import type { DeletionGuard, WorkerRejection } from '@hamgam/shared';
import { SyncError } from '../../common/sync-error';
import type { ProgressUpdate, Reporter, WorkerContext } from '../../sync/source-definition';
import { createDeletionGate } from '../../sync/worker/deletion-gate';
import { readOptions } from './faculty.settings';
import { runFacultySync } from './faculty.sync';
import { CreateFacultyMembers1764000000100 } from './migrations/1764000000100-create-faculty-members';

// The gateway is the boundary: the client is replaced by pages held in memory (HTTP is covered by the
// integration tests against the stand-in gateway).
const mockGateway = { pages: [] as unknown[][], calls: [] as number[], failOnPage: 0, onPage: (_page: number) => undefined as void };
jest.mock('./faculty.client', () => ({
  FacultyClient: jest.fn().mockImplementation(() => ({
    login: async () => undefined,
    fetchFacultyPage: async (page: number, pageSize: number) => {
      mockGateway.calls.push(page);
      mockGateway.onPage(page);
      if (page === mockGateway.failOnPage) throw new Error('gateway down');
      return mockGateway.pages[page - 1]?.slice(0, pageSize) ?? [];
    },
  })),
}));

function nationalCode(n: number): string {
  const nine = String(100_000_000 + n);
  const sum = [...nine].reduce((total, digit, i) => total + Number(digit) * (10 - i), 0);
  const remainder = sum % 11;
  return nine + String(remainder < 2 ? remainder : 11 - remainder);
}

const person = (n: number, patch: Record<string, unknown> = {}) => ({ nationalcode: nationalCode(n), name: 'علي', family: `نام ${n}`, ...patch });

function paged(records: unknown[], pageSize: number): unknown[][] {
  const pages: unknown[][] = [];
  for (let i = 0; i < records.length; i += pageSize) pages.push(records.slice(i, i + pageSize));
  return pages;
}

describe('runFacultySync', () => {
  let dir: string;
  let db: Database.Database;
  let progress: ProgressUpdate[];
  let logs: string[];
  let rejects: WorkerRejection[];

  const context = (
    runId: string,
    options: Record<string, unknown> = { pageSize: 3 },
    signal = new AbortController().signal,
    guard: { dryRun?: boolean; deletionGuard?: DeletionGuard | null } = {},
  ): WorkerContext => {
    const report: Reporter = {
      progress: (update) => progress.push(update),
      log: (level, message) => logs.push(`${level}: ${message}`),
      reject: (rejection) => rejects.push(rejection),
      retried: (message) => void (message && logs.push(`warn: ${message}`)),
    };
    return {
      runId,
      sourceId: 'faculty',
      mode: null,
      // As the API hands them: read by the declaration, defaults filled in.
      settings: { connection: { baseUrl: 'http://gateway.test', username: 'u', password: 'secret-pw' }, options: readOptions(options) },
      db: new SqliteDb(db, false),
      report,
      signal,
      changes: DISABLED_CHANGE_WRITER,
      dryRun: guard.dryRun ?? false,
      deletions: createDeletionGate(new SqliteDb(db, false), runId, guard.deletionGuard ?? null, guard.dryRun ?? false),
    };
  };
  const contents = () => db.prepare('SELECT * FROM faculty_members ORDER BY national_code').all();
  const held = () =>
    db.prepare('SELECT record_key, last_seen_run_id, record_values FROM held_deletions ORDER BY record_key').all() as {
      record_key: string;
      last_seen_run_id: string;
      record_values: string;
    }[];
  const active = () => (db.prepare('SELECT COUNT(*) AS n FROM faculty_members WHERE deleted_at IS NULL').get() as { n: number }).n;

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'hamgam-faculty-sync-'));
    db = new Database(join(dir, 'test.sqlite'));
    await new CreateFacultyMembers1764000000100().up({ query: async (sql: string) => db.exec(sql) } as unknown as QueryRunner);
    db.exec(
      'CREATE TABLE held_deletions (run_id INTEGER, record_table TEXT, record_key TEXT, last_seen_run_id TEXT, record_values TEXT, PRIMARY KEY (run_id, record_table, record_key))',
    );
    Object.assign(mockGateway, { pages: [], calls: [], failOnPage: 0, onPage: () => undefined });
    progress = [];
    logs = [];
    rejects = [];
  });

  afterEach(() => {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('should page until a short page and count every outcome when the gateway answers normally', async () => {
    mockGateway.pages = paged([person(1), person(2), { nationalcode: '' }, person(4), person(2), person(6), person(7)], 3);

    const counts = await runFacultySync(context('run-1'));

    expect(counts).toEqual({ fetched: 7, inserted: 5, updated: 0, unchanged: 0, deleted: 0, rejected: 2 });
    expect(mockGateway.calls).toEqual([1, 2, 3]);
    expect(rejects).toEqual([
      { key: 'page 1 #3', code: 'missing_national_code' },
      { key: nationalCode(2), code: 'duplicate_national_code', table: 'members' },
    ]);
    expect(progress.map((p) => p.stage)).toEqual(['connecting', 'fetching', 'saving', 'fetching', 'saving', 'fetching', 'saving', 'completed']);
    expect(progress.filter((p) => p.stage === 'fetching').map((p) => p.messageParams)).toEqual([{ page: 1 }, { page: 2 }, { page: 3 }]);
    expect(logs.filter((line) => /^info: page \d/.test(line))).toHaveLength(3);
    expect(logs.join('\n')).not.toContain('secret-pw');
  });

  it('should stop after an empty page when the data fills the last page exactly', async () => {
    mockGateway.pages = paged([person(1), person(2), person(3)], 3);

    const counts = await runFacultySync(context('run-1'));

    expect(mockGateway.calls).toEqual([1, 2]);
    expect(counts.inserted).toBe(3);
  });

  it('should count unchanged, updated and deleted when a later complete run sees changes', async () => {
    mockGateway.pages = paged([person(1), person(2), person(3), person(4)], 3);
    await runFacultySync(context('run-1'));
    mockGateway.pages = paged([person(1), person(2, { family: 'تازه' }), person(4), person(5)], 3);

    const counts = await runFacultySync(context('run-2'));

    expect(counts).toEqual({ fetched: 4, inserted: 1, updated: 1, unchanged: 2, deleted: 1, rejected: 0 });
    expect(active()).toBe(4);
  });

  it('should store nothing and count exactly what the real run then does when the run is dry', async () => {
    mockGateway.pages = paged(
      [1, 2, 3, 4].map((n) => person(n)),
      3,
    );
    await runFacultySync(context('1'));
    const before = contents();
    mockGateway.pages = paged([person(1), person(2, { family: 'تازه' }), person(4), person(5)], 3);

    const dry = await runFacultySync(context('2', { pageSize: 3 }, undefined, { dryRun: true }));

    expect(contents()).toEqual(before);
    const real = await runFacultySync(context('3'));
    expect(dry).toEqual(real);
    expect(real).toEqual({ fetched: 4, inserted: 1, updated: 1, unchanged: 2, deleted: 1, rejected: 0 });
  });

  it("should hold the deletions with each member's values and delete nothing when they pass the guard", async () => {
    mockGateway.pages = paged(
      [1, 2, 3, 4, 5].map((n) => person(n)),
      3,
    );
    await runFacultySync(context('1'));
    mockGateway.pages = paged(
      [1, 2, 3].map((n) => person(n)),
      3,
    );

    const counts = await runFacultySync(context('2', { pageSize: 3 }, undefined, { deletionGuard: { maxPercent: 10, maxCount: null } }));

    expect(counts.deleted).toBe(0);
    expect(active()).toBe(5);
    expect(held().map((row) => [row.record_key, row.last_seen_run_id])).toEqual([
      [nationalCode(4), '1'],
      [nationalCode(5), '1'],
    ]);
    expect(JSON.parse(held()[0].record_values)).toMatchObject({ lastName: 'نام 4' });
  });

  it('should delete as usual when the deletions stay within the guard', async () => {
    mockGateway.pages = paged(
      [1, 2, 3, 4, 5].map((n) => person(n)),
      3,
    );
    await runFacultySync(context('1'));
    mockGateway.pages = paged(
      [1, 2, 3, 4].map((n) => person(n)),
      3,
    );

    const counts = await runFacultySync(context('2', { pageSize: 3 }, undefined, { deletionGuard: { maxPercent: 25, maxCount: null } }));

    expect(counts.deleted).toBe(1);
    expect(held()).toEqual([]);
  });

  it('should delete nothing when the run fails part-way', async () => {
    mockGateway.pages = paged(
      [1, 2, 3, 4, 5, 6, 7].map((n) => person(n)),
      3,
    );
    await runFacultySync(context('run-1'));
    mockGateway.failOnPage = 2;

    await expect(runFacultySync(context('run-2'))).rejects.toThrow('gateway down');
    expect(active()).toBe(7);
  });

  it('should throw cancelled and delete nothing when the signal aborts between pages', async () => {
    mockGateway.pages = paged(
      [1, 2, 3, 4, 5, 6, 7].map((n) => person(n)),
      3,
    );
    await runFacultySync(context('run-1'));
    const controller = new AbortController();
    mockGateway.pages = paged([person(1), person(2), person(3), person(4)], 3);
    mockGateway.onPage = (page) => {
      if (page === 1) controller.abort();
    };

    const error = await runFacultySync(context('run-2', { pageSize: 3 }, controller.signal)).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(SyncError);
    expect((error as SyncError).kind).toBe('cancelled');
    expect(mockGateway.calls.at(-1)).toBe(1);
    expect(active()).toBe(7);
  });

  it('should fail with upstream and keep the table when the gateway returns no records at all', async () => {
    mockGateway.pages = paged([person(1), person(2)], 3);
    await runFacultySync(context('run-1'));
    mockGateway.pages = [];

    await expect(runFacultySync(context('run-2'))).rejects.toMatchObject({ kind: 'upstream' });
    expect(active()).toBe(2);
  });

  it('should succeed with zero counts when the gateway and the table are both empty', async () => {
    await expect(runFacultySync(context('run-1'))).resolves.toEqual({ fetched: 0, inserted: 0, updated: 0, unchanged: 0, deleted: 0, rejected: 0 });
  });

  it('should fail with upstream when the gateway repeats the first page instead of paging', async () => {
    const first = [person(1), person(2), person(3)];
    mockGateway.pages = [first, first, first];

    await expect(runFacultySync(context('run-1'))).rejects.toMatchObject({ kind: 'upstream' });
    expect(mockGateway.calls).toEqual([1, 2]);
  });

  it('should fail with auth when the connection is not configured', async () => {
    const ctx = context('run-1');
    ctx.settings = { connection: null, options: readOptions({}) };

    await expect(runFacultySync(ctx)).rejects.toMatchObject({ kind: 'auth' });
  });
});

describe('readOptions', () => {
  it('should use the defaults when no options are set', () => {
    expect(readOptions({})).toEqual({ pageSize: 500, requestTimeoutMs: 30_000, maxRetries: 4, retryBaseMs: 500 });
  });

  it('should take valid values and warn about invalid ones when options are set', () => {
    const warnings: string[] = [];

    expect(readOptions({ pageSize: 25, maxRetries: -1, retryBaseMs: '20' }, (m) => warnings.push(m))).toEqual({
      pageSize: 25,
      requestTimeoutMs: 30_000,
      maxRetries: 4,
      retryBaseMs: 500,
    });
    expect(warnings).toHaveLength(2);
  });
});
