import type { StoredRecord } from '@hamgam/shared';
import type { MigrationInterface, QueryRunner } from 'typeorm';
import { z } from 'zod';
import { SyncError } from '../../../src/common/sync-error';
import { countRows } from '../../../src/sync/records/count-rows';
import { defineSourceSettings } from '../../../src/sync/settings/source-settings';
import type { RecordBrowser, SourceDefinition, WorkerStep } from '../../../src/sync/source-definition';

// A source no real one resembles, defined only here: a library whose API takes a key in a header and lists
// books and members page by page. It proves a source needs no core edit.

export const LIBRARY_KEY_HEADER = 'x-library-key';

class CreateLibraryTables1799000000000 implements MigrationInterface {
  name = 'CreateLibraryTables1799000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE TABLE library_books (code TEXT PRIMARY KEY NOT NULL, title TEXT NOT NULL, author TEXT, last_run_id TEXT, updated_at TEXT NOT NULL, deleted_at TEXT)`,
    );
    await q.query(
      `CREATE TABLE library_members (card TEXT PRIMARY KEY NOT NULL, name TEXT NOT NULL, last_run_id TEXT, updated_at TEXT NOT NULL, deleted_at TEXT)`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE library_members`);
    await q.query(`DROP TABLE library_books`);
  }
}

type Page<T> = { items: T[]; hasMore: boolean };

async function fetchAll<T>(baseUrl: string, apiKey: string, path: string, pageSize: number, signal: AbortSignal): Promise<T[]> {
  const all: T[] = [];
  for (let page = 1; ; page += 1) {
    const response = await fetch(`${baseUrl}${path}?page=${page}&pageSize=${pageSize}`, { headers: { [LIBRARY_KEY_HEADER]: apiKey }, signal });
    if (response.status === 401) throw new SyncError('auth', 'the library refused the API key');
    if (!response.ok) throw new SyncError('upstream', `the library answered HTTP ${response.status}`);
    const body = (await response.json()) as Page<T>;
    all.push(...body.items);
    if (!body.hasMore) return all;
  }
}

const runLibrarySync: WorkerStep = async ({ settings, db, runId, signal, report }) => {
  const connection = settings.connection;
  if (!connection?.apiKey) throw new SyncError('auth', 'the library connection has no API key');
  const pageSize = settings.options.pageSize as number;
  const books = await fetchAll<{ code: string; title: string; author: string }>(connection.baseUrl, connection.apiKey, '/books', pageSize, signal);
  const members = await fetchAll<{ card: string; name: string }>(connection.baseUrl, connection.apiKey, '/members', pageSize, signal);
  const now = new Date().toISOString();
  const insertBook = `INSERT INTO library_books (code, title, author, last_run_id, updated_at) VALUES (?, ?, ?, ?, ?)
    ON CONFLICT (code) DO UPDATE SET title = excluded.title, author = excluded.author, last_run_id = excluded.last_run_id, updated_at = excluded.updated_at`;
  const insertMember = `INSERT INTO library_members (card, name, last_run_id, updated_at) VALUES (?, ?, ?, ?)
    ON CONFLICT (card) DO UPDATE SET name = excluded.name, last_run_id = excluded.last_run_id, updated_at = excluded.updated_at`;
  await db.transaction(async (tx) => {
    for (const book of books) await tx.run(insertBook, [book.code, book.title, book.author, runId, now]);
    for (const member of members) await tx.run(insertMember, [member.card, member.name, runId, now]);
  });
  const counts = { fetched: books.length + members.length, inserted: books.length + members.length, updated: 0, unchanged: 0, deleted: 0, rejected: 0 };
  report.progress({ stage: 'completed', processed: counts.fetched, percent: 100, counts }, true);
  return counts;
};

function browser(table: string, key: string, toRecord: (row: Record<string, string | null>) => Pick<StoredRecord, 'key' | 'name' | 'fields'>): RecordBrowser {
  return {
    count: (db) => countRows(db, table),
    async list(db, { page, pageSize }) {
      const { total } = (await db.get<{ total: number }>(`SELECT CAST(COUNT(*) AS INTEGER) AS total FROM ${table}`))!;
      const rows = await db.all<Record<string, string | null>>(`SELECT * FROM ${table} ORDER BY ${key} LIMIT ? OFFSET ?`, [pageSize, (page - 1) * pageSize]);
      const items = rows.map((row) => ({ ...toRecord(row), deletedAt: row.deleted_at, lastRunId: row.last_run_id, updatedAt: row.updated_at!, history: null }));
      return { items, total };
    },
  };
}

export const librarySource: SourceDefinition = {
  id: 'library',
  defaultTimeoutSeconds: 60,
  settings: defineSourceSettings({
    connection: [
      { name: 'baseUrl', kind: 'url', isRequired: true },
      { name: 'apiKey', kind: 'secret', isRequired: true, isNeededForTest: true },
    ],
    options: z.object({ pageSize: z.number().int().min(1).max(50).default(2).meta({ labelKey: 'options.pageSize' }) }),
  }),
  migrations: [CreateLibraryTables1799000000000],
  loadStep: async () => runLibrarySync,
  recordTables: [
    {
      id: 'books',
      columns: ['author'],
      load: async () => browser('library_books', 'code', (row) => ({ key: row.code!, name: row.title!, fields: { author: row.author } })),
    },
    { id: 'members', columns: [], load: async () => browser('library_members', 'card', (row) => ({ key: row.card!, name: row.name!, fields: {} })) },
  ],
  testConnection: async (settings, signal) => {
    const started = Date.now();
    const connection = settings.connection!;
    const response = await fetch(`${connection.baseUrl}/whoami`, { headers: { [LIBRARY_KEY_HEADER]: connection.apiKey ?? '' }, signal });
    const isOk = response.ok;
    const body = isOk ? ((await response.json()) as { library: string; user: string }) : null;
    return {
      isOk,
      errorKind: isOk ? null : 'auth',
      message: isOk ? null : `the library answered HTTP ${response.status}`,
      system: body ? { name: body.library, version: null, url: connection.baseUrl, user: body.user } : null,
      checks: [],
      testedAt: new Date().toISOString(),
      durationMs: Date.now() - started,
    };
  },
};
