import { insertRows } from '../../common/database/insert-rows';
import type { SqlDb } from '../../common/database/sql-db';
import { inKeyList, keyList } from '../../common/database/sql-dialect';
import { runWriteTransaction } from '../../common/database/write-transaction';
import type { ChangeInput } from '../../sync/changes/change-writer';
import { diffRecord } from '../../sync/changes/record-diff';
import type { HeldRecord } from '../../sync/source-definition';
import type { CleanFacultyRecord } from './faculty.mapper';
import { FACULTY_SENSITIVE_FIELDS } from './faculty.sensitive';

/** A batch's counts and, when the change log is on, its record-level changes (for `WorkerContext.changes`). */
export type UpsertCounts = { inserted: number; updated: number; unchanged: number; changes: ChangeInput[] };

type StoredState = { national_code: string; hash: string; deleted_at: string | null };

type LiveRow = { national_code: string; last_seen_run_id: string | null } & Record<(typeof HELD_COLUMNS)[number], string | null>;

/** What an admin sees of a member whose deletion waits for approval (the data browser's columns and the name). */
const HELD_COLUMNS = ['professor_code', 'first_name', 'last_name', 'personnel_id', 'field', 'campus_name', 'province_name', 'mobile', 'email'] as const;

const DATA_COLUMNS = {
  national_code: 'nationalCode',
  professor_code: 'professorCode',
  first_name: 'firstName',
  last_name: 'lastName',
  field: 'field',
  code: 'code',
  mobile: 'mobile',
  email: 'email',
  personnel_id: 'personnelId',
  campus_code: 'campusCode',
  campus_name: 'campusName',
  city: 'city',
  sex: 'sex',
  scope: 'scope',
  scope_id: 'scopeId',
  province_name: 'provinceName',
  employ_state: 'employState',
  employ_type: 'employType',
  employ_type_title: 'employTypeTitle',
  hire_type: 'hireType',
  hire_type_title: 'hireTypeTitle',
  hash: 'hash',
} as const satisfies Record<string, keyof CleanFacultyRecord>;

const COLUMNS = Object.keys(DATA_COLUMNS) as (keyof typeof DATA_COLUMNS)[];
const FIELDS = COLUMNS.map((column) => DATA_COLUMNS[column]);
/** What an update's change compares: every stored field but the key and the hash. */
// A soft-deleted member that comes back shows its deletion time going away.
const DIFF_FIELDS: readonly string[] = [...FIELDS.filter((field) => field !== 'nationalCode' && field !== 'hash'), 'deletedAt'];
const SENSITIVE = new Set(FACULTY_SENSITIVE_FIELDS);
const TABLE = 'members';

const WRITE_COLUMNS = [...COLUMNS, 'created_at', 'updated_at', 'deleted_at', 'last_run_id', 'last_seen_run_id'];
// An insert, or an update of a changed or soft-deleted member (restored); created_at stays the first sighting's.
const UPSERT = `ON CONFLICT (national_code) DO UPDATE SET ${COLUMNS.filter((c) => c !== 'national_code')
  .map((c) => `${c} = excluded.${c}`)
  .join(', ')}, updated_at = excluded.updated_at, deleted_at = NULL, last_run_id = excluded.last_run_id, last_seen_run_id = excluded.last_seen_run_id`;
const SELECT_ROW = `SELECT ${COLUMNS.filter((c) => c !== 'hash')
  .map((c) => `${c} AS "${DATA_COLUMNS[c]}"`)
  .join(', ')}, deleted_at AS "deletedAt" FROM faculty_members`;
const SELECT_LIVE = `SELECT national_code, last_seen_run_id, ${HELD_COLUMNS.join(', ')} FROM faculty_members WHERE deleted_at IS NULL`;

/**
 * Writes faculty members a page at a time with set-based SQL both databases run (`common/database/sql-db.ts`): one
 * read of the page's stored state, one statement marking the unchanged as seen, one multi-row upsert of the rest.
 * Rows are soft-deleted, never removed.
 */
export class FacultyRepository {
  /**
   * `logChanges`: read an updated row's old values (only when its hash differs) and list each batch's changes.
   * `isDryRun`: every batch is rolled back (`runWriteTransaction`): the counts are exact, nothing is stored.
   */
  constructor(
    private readonly db: SqlDb,
    private readonly options: { logChanges?: boolean; isDryRun?: boolean } = {},
  ) {}

  private get logChanges(): boolean {
    return this.options.logChanges === true;
  }

  private get isDryRun(): boolean {
    return this.options.isDryRun === true;
  }

  /** One transaction per batch: new rows are inserted, changed or soft-deleted ones updated (and restored), equal ones only marked as seen. */
  upsertBatch(records: readonly CleanFacultyRecord[], runId: string, now: string): Promise<UpsertCounts> {
    const dialect = this.db.dialect;
    return runWriteTransaction(this.db, this.isDryRun, async (tx) => {
      const counts: UpsertCounts = { inserted: 0, updated: 0, unchanged: 0, changes: [] };
      if (records.length === 0) return counts;
      const keys = keyList(
        dialect,
        records.map((record) => record.nationalCode),
      );
      const states = await tx.all<StoredState>(`SELECT national_code, hash, deleted_at FROM faculty_members WHERE ${inKeyList(dialect, 'national_code')}`, [
        keys,
      ]);
      const stored = new Map(states.map((state) => [state.national_code, state]));
      const unchanged: string[] = [];
      const changed: CleanFacultyRecord[] = [];
      const written: CleanFacultyRecord[] = [];
      for (const record of records) {
        const state = stored.get(record.nationalCode);
        if (state && state.hash === record.hash && state.deleted_at === null) {
          unchanged.push(record.nationalCode);
          continue;
        }
        if (state) changed.push(record);
        else if (this.logChanges) counts.changes.push({ kind: 'inserted', table: TABLE, key: record.nationalCode });
        written.push(record);
      }
      if (this.logChanges && changed.length > 0) {
        const before = await tx.all<Record<string, string | null>>(`${SELECT_ROW} WHERE ${inKeyList(dialect, 'national_code')}`, [
          keyList(
            dialect,
            changed.map((record) => record.nationalCode),
          ),
        ]);
        const byKey = new Map(before.map((row) => [row.nationalCode!, row]));
        for (const record of changed) {
          const diff = diffRecord(byKey.get(record.nationalCode)!, { ...record, deletedAt: null }, DIFF_FIELDS, SENSITIVE);
          counts.changes.push({ kind: 'updated', table: TABLE, key: record.nationalCode, diff });
        }
      }
      if (unchanged.length > 0) {
        await tx.run(`UPDATE faculty_members SET last_seen_run_id = ? WHERE ${inKeyList(dialect, 'national_code')}`, [runId, keyList(dialect, unchanged)]);
      }
      const rows = written.map((record) => [...FIELDS.map((field) => record[field]), now, now, null, runId, runId]);
      await insertRows(tx, 'faculty_members', WRITE_COLUMNS, rows, UPSERT);
      counts.unchanged = unchanged.length;
      counts.updated = changed.length;
      counts.inserted = written.length - changed.length;
      return counts;
    });
  }

  /**
   * Live members the run did not keep: those no call returned. A real run marked every member it kept as seen; a
   * dry run rolled that back, so it names them (`kept`) instead.
   */
  async unseenLive(runId: string, kept: ReadonlySet<string>): Promise<HeldRecord[]> {
    const rows = this.isDryRun
      ? await this.db.all<LiveRow>(SELECT_LIVE)
      : // The same rows `softDeleteUnseen` marks: a real run reads only those, not every live member.
        await this.db.all<LiveRow>(`${SELECT_LIVE} AND (last_seen_run_id IS NULL OR last_seen_run_id <> ?)`, [runId]);
    const unseen: HeldRecord[] = [];
    for (const row of rows) {
      if (this.isDryRun && kept.has(row.national_code)) continue;
      const values = Object.fromEntries(HELD_COLUMNS.map((column) => [DATA_COLUMNS[column], row[column]]));
      unseen.push({ table: 'members', key: row.national_code, lastSeenRunId: row.last_seen_run_id, values });
    }
    return unseen;
  }

  /** Soft-deletes every live row this run did not see; call only after a complete run. Returns how many and, when logging, the changes. */
  async softDeleteUnseen(runId: string, now: string): Promise<{ deleted: number; changes: ChangeInput[] }> {
    const rows = await this.db.all<{ national_code: string }>(
      `UPDATE faculty_members SET deleted_at = @now, updated_at = @now, last_run_id = @runId
       WHERE deleted_at IS NULL AND (last_seen_run_id IS NULL OR last_seen_run_id <> @runId) RETURNING national_code`,
      { runId, now },
    );
    return { deleted: rows.length, changes: this.logChanges ? rows.map((row) => ({ kind: 'deleted', table: TABLE, key: row.national_code })) : [] };
  }

  /** A dry run's would-be deletions as the change log lists them (nothing was deleted). */
  wouldDelete(unseen: readonly HeldRecord[]): ChangeInput[] {
    return this.logChanges ? unseen.map((record) => ({ kind: 'deleted', table: TABLE, key: record.key })) : [];
  }

  async countActive(): Promise<number> {
    const row = await this.db.get<{ count: number }>('SELECT CAST(COUNT(*) AS INTEGER) AS count FROM faculty_members WHERE deleted_at IS NULL');
    return row!.count;
  }
}
