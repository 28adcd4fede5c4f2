import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { QueryRunner } from 'typeorm';
import { SqliteDb } from '../../common/database/sqlite-db';
import type { CrmChange } from './crm.parser';
import { CrmRepository } from './crm.repository';
import { CreateCrmTables1764000000400 } from './migrations/1764000000400-create-crm-tables';

type ContactRow = {
  id: string;
  full_name: string;
  mobile: string | null;
  stage: string | null;
  sync_version: number;
  deleted_at: string | null;
  last_seen_run_id: string;
};

const contact = (id: string, at: string, fields: { fullName?: string; mobile?: string | null; stage?: string | null } = {}, isDeleted = false): CrmChange => ({
  table: 'contacts',
  id,
  serverUpdatedAt: at,
  isDeleted,
  record: {
    id,
    fullName: fields.fullName ?? 'سارا احمدی',
    nationalCode: null,
    mobile: fields.mobile ?? null,
    email: null,
    stage: fields.stage ?? null,
    owner: null,
    studentNumber: null,
  },
});

const T1 = '2026-01-01T00:00:01.000Z';
const T2 = '2026-01-01T00:00:02.000Z';
const T3 = '2026-01-01T00:00:03.000Z';

describe('CrmRepository', () => {
  let dir: string;
  let db: Database.Database;
  const row = (id: string) => db.prepare('SELECT * FROM crm_contacts WHERE id = ?').get(id) as ContactRow;
  const repository = (options: { logChanges?: boolean; isDryRun?: boolean } = {}) => new CrmRepository(new SqliteDb(db, false), options);

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'hamgam-crm-'));
    db = new Database(join(dir, 'test.sqlite'));
    const queryRunner = { query: async (sql: string) => db.exec(sql) } as unknown as QueryRunner;
    await new CreateCrmTables1764000000400().up(queryRunner);
  });

  afterEach(() => {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('should store a record changed twice in one page at its newer version, counting a repeat of it once', async () => {
    const counts = await repository().applyPage([contact('c1', T1), contact('c1', T2, { fullName: 'نگار کاظمی' }), contact('c1', T2)], 'run-1', 'now');

    expect(counts).toMatchObject({ inserted: 1, updated: 1, repeats: 1, unchanged: 0 });
    expect(row('c1')).toMatchObject({ full_name: 'نگار کاظمی', sync_version: 2, deleted_at: null, last_seen_run_id: 'run-1' });
    expect(await repository().watermark()).toBe(T2);
  });

  it('should keep stored fields a tombstone leaves empty, and log the revival that follows as an update of deletedAt', async () => {
    await repository().applyPage([contact('c1', T1, { mobile: '09121234567', stage: 'lead' })], 'run-1', 'now');

    const deleted = await repository({ logChanges: true }).applyPage([contact('c1', T2, { fullName: '', mobile: null }, true)], 'run-2', 'now');
    expect(deleted).toMatchObject({ deleted: 1, changes: [{ kind: 'deleted', table: 'contacts', key: 'c1' }] });
    expect(row('c1')).toMatchObject({ full_name: 'سارا احمدی', mobile: '09121234567', deleted_at: T2, sync_version: 2 });

    const revived = await repository({ logChanges: true }).applyPage([contact('c1', T3, { mobile: '09121234567', stage: 'alumnus' })], 'run-3', 'now');
    expect(revived).toMatchObject({ revived: 1, updated: 0 });
    expect(revived.changes[0]).toMatchObject({ kind: 'updated', key: 'c1' });
    expect(row('c1')).toMatchObject({ stage: 'alumnus', deleted_at: null, sync_version: 3 });
  });

  it('should only mark seen an older change and never move the watermark back', async () => {
    await repository().applyPage([contact('c1', T2)], 'run-1', 'now');

    expect(await repository().applyPage([contact('c1', T1, { fullName: 'قدیمی' })], 'run-2', 'later')).toMatchObject({ unchanged: 1, updated: 0 });
    expect(row('c1')).toMatchObject({ full_name: 'سارا احمدی', sync_version: 1, last_seen_run_id: 'run-2' });
    expect(await repository().watermark()).toBe(T2);
  });

  it('should count a dry run as the real run would and store nothing', async () => {
    await repository().applyPage([contact('c1', T1)], 'run-1', 'now');
    const dry = repository({ isDryRun: true });

    const counts = await dry.applyPage([contact('c1', T2, { fullName: 'نگار کاظمی' }), contact('c2', T2)], 'run-2', 'now');
    expect(await dry.applyPage([contact('c2', T2)], 'run-2', 'now')).toMatchObject({ repeats: 1 });

    expect(counts).toMatchObject({ inserted: 1, updated: 1 });
    expect(row('c1')).toMatchObject({ full_name: 'سارا احمدی', sync_version: 1 });
    expect(row('c2')).toBeUndefined();
    expect(await repository().watermark()).toBe(T1);
  });
});
