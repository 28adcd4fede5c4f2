import type Database from 'better-sqlite3';
import type { StoredRecord } from '@hamgam/shared';
import type { SqlDb } from '../common/database/sql-db';
import { legacySqlite } from '../common/database/sqlite-handle';
import type { DeletionApplier, HeldRecord, RecordBrowser, RecordSearch } from './source-definition';

// Adapters for a source's code still written against better-sqlite3 (SQLite only): each runs it on the SQLite
// connection under a `SqlDb`, and on PostgreSQL fails clearly (`legacySqlite`). Gone once every source is ported.

export type LegacyRecordBrowser = {
  list(db: Database.Database, search: RecordSearch): { items: StoredRecord[]; total: number };
  count: RecordBrowser['count'];
};

export function legacyBrowser(what: string, browser: LegacyRecordBrowser): RecordBrowser {
  return {
    list: (db, search) => viaSqlite(what, (sqlite) => browser.list(sqlite, search))(db),
    count: browser.count,
  };
}

export type LegacyDeletionApplier = (db: Database.Database, records: readonly Omit<HeldRecord, 'values'>[], runId: string, now: string) => number;

export function legacyApplier(what: string, apply: LegacyDeletionApplier): DeletionApplier {
  return (db, records, runId, now) => viaSqlite(what, (sqlite) => apply(sqlite, records, runId, now))(db);
}

export function viaSqlite<R>(what: string, work: (db: Database.Database) => R): (db: SqlDb) => Promise<R> {
  return (db) => {
    try {
      return Promise.resolve(work(legacySqlite(db, what)));
    } catch (error) {
      return Promise.reject(error as Error);
    }
  };
}
