import type Database from 'better-sqlite3';
import { runWriteTransaction } from '../../common/database/write-transaction';
import type { ChangeInput } from '../../sync/changes/change-writer';
import { diffRecord } from '../../sync/changes/record-diff';
import type { HeldRecord } from '../../sync/source-definition';
import type { CleanFacultyRecord } from './faculty.mapper';
import { FACULTY_SENSITIVE_FIELDS } from './faculty.sensitive';

/** A batch's counts and, when the change log is on, its record-level changes (for `WorkerContext.changes`). */
export type UpsertCounts = { inserted: number; updated: number; unchanged: number; changes: ChangeInput[] };

type StoredState = { hash: string; deleted_at: string | null };

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

const COLUMNS = Object.keys(DATA_COLUMNS);
const FIELDS = Object.values(DATA_COLUMNS);
/** What an update's change compares: every stored field but the key and the hash. */
// A soft-deleted member that comes back shows its deletion time going away.
const DIFF_FIELDS: readonly string[] = [...FIELDS.filter((field) => field !== 'nationalCode' && field !== 'hash'), 'deletedAt'];
const SENSITIVE = new Set(FACULTY_SENSITIVE_FIELDS);
const TABLE = 'members';

/**
 * Writes faculty members with prepared better-sqlite3 statements (measured about 5× faster than TypeORM
 * entities for this bulk path). Rows are soft-deleted, never removed.
 */
export class FacultyRepository {
  private readonly selectState: Database.Statement<[string], StoredState>;
  private readonly insert: Database.Statement<[Record<string, string | null>]>;
  private readonly update: Database.Statement<[Record<string, string | null>]>;
  private readonly touch: Database.Statement<[{ runId: string; nationalCode: string }]>;
  private readonly selectRow: Database.Statement<[string], Record<string, string | null>>;
  private readonly softDelete: Database.Statement<[{ runId: string; now: string }], { national_code: string }>;
  private readonly countActiveRows: Database.Statement<[], { count: number }>;
  private readonly selectLive: Database.Statement<[], LiveRow>;
  private readonly selectUnseen: Database.Statement<[{ runId: string }], LiveRow>;

  /**
   * `logChanges`: read an updated row's old values (only when its hash differs) and list each batch's changes.
   * `isDryRun`: every batch is rolled back (`runWriteTransaction`): the counts are exact, nothing is stored.
   */
  constructor(
    private readonly db: Database.Database,
    private readonly options: { logChanges?: boolean; isDryRun?: boolean } = {},
  ) {
    this.selectRow = db.prepare(
      `SELECT ${COLUMNS.filter((c) => c !== 'hash')
        .map((c) => `${c} AS ${DATA_COLUMNS[c as keyof typeof DATA_COLUMNS]}`)
        .join(', ')}, deleted_at AS deletedAt FROM faculty_members WHERE national_code = ?`,
    );
    this.selectState = db.prepare('SELECT hash, deleted_at FROM faculty_members WHERE national_code = ?');
    this.insert = db.prepare(
      `INSERT INTO faculty_members (${COLUMNS.join(', ')}, created_at, updated_at, deleted_at, last_run_id, last_seen_run_id)
       VALUES (${FIELDS.map((f) => '@' + f).join(', ')}, @now, @now, NULL, @runId, @runId)`,
    );
    this.update = db.prepare(
      `UPDATE faculty_members SET ${COLUMNS.filter((c) => c !== 'national_code')
        .map((c) => `${c} = @${DATA_COLUMNS[c as keyof typeof DATA_COLUMNS]}`)
        .join(', ')}, updated_at = @now, deleted_at = NULL, last_run_id = @runId, last_seen_run_id = @runId
       WHERE national_code = @nationalCode`,
    );
    this.touch = db.prepare('UPDATE faculty_members SET last_seen_run_id = @runId WHERE national_code = @nationalCode');
    this.softDelete = db.prepare(
      `UPDATE faculty_members SET deleted_at = @now, updated_at = @now, last_run_id = @runId
       WHERE deleted_at IS NULL AND (last_seen_run_id IS NULL OR last_seen_run_id <> @runId) RETURNING national_code`,
    );
    this.countActiveRows = db.prepare('SELECT COUNT(*) AS count FROM faculty_members WHERE deleted_at IS NULL');
    const live = `SELECT national_code, last_seen_run_id, ${HELD_COLUMNS.join(', ')} FROM faculty_members WHERE deleted_at IS NULL`;
    this.selectLive = db.prepare(live);
    // The same rows `softDelete` marks: a real run reads only those, not every live member.
    this.selectUnseen = db.prepare(`${live} AND (last_seen_run_id IS NULL OR last_seen_run_id <> @runId)`);
  }

  private get logChanges(): boolean {
    return this.options.logChanges === true;
  }

  private get isDryRun(): boolean {
    return this.options.isDryRun === true;
  }

  /** One transaction per batch: new rows are inserted, changed or soft-deleted ones updated (and restored), equal ones only marked as seen. */
  upsertBatch(records: CleanFacultyRecord[], runId: string, now: string): UpsertCounts {
    // IMMEDIATE takes the write lock up front: a deferred transaction that reads first cannot wait for the API
    // process's lock when it upgrades, and fails at once with SQLITE_BUSY instead of honouring busy_timeout.
    return runWriteTransaction(this.db, this.isDryRun, () => {
      const counts: UpsertCounts = { inserted: 0, updated: 0, unchanged: 0, changes: [] };
      for (const record of records) {
        const stored = this.selectState.get(record.nationalCode);
        if (stored && stored.hash === record.hash && stored.deleted_at === null) {
          this.touch.run({ runId, nationalCode: record.nationalCode });
          counts.unchanged += 1;
        } else if (stored) {
          if (this.logChanges) {
            const before = this.selectRow.get(record.nationalCode)!;
            counts.changes.push({
              kind: 'updated',
              table: TABLE,
              key: record.nationalCode,
              diff: diffRecord(before, { ...record, deletedAt: null }, DIFF_FIELDS, SENSITIVE),
            });
          }
          this.update.run({ ...record, runId, now });
          counts.updated += 1;
        } else {
          this.insert.run({ ...record, runId, now });
          counts.inserted += 1;
          if (this.logChanges) counts.changes.push({ kind: 'inserted', table: TABLE, key: record.nationalCode });
        }
      }
      return counts;
    });
  }

  /**
   * Live members the run did not keep: those no call returned. A real run marked every member it kept as seen; a
   * dry run rolled that back, so it names them (`kept`) instead.
   */
  unseenLive(runId: string, kept: ReadonlySet<string>): HeldRecord[] {
    const unseen: HeldRecord[] = [];
    const rows = this.isDryRun ? this.selectLive.iterate() : this.selectUnseen.iterate({ runId });
    for (const row of rows) {
      if (this.isDryRun && kept.has(row.national_code)) continue;
      const values = Object.fromEntries(HELD_COLUMNS.map((column) => [DATA_COLUMNS[column], row[column]]));
      unseen.push({ table: 'members', key: row.national_code, lastSeenRunId: row.last_seen_run_id, values });
    }
    return unseen;
  }

  /** Soft-deletes every live row this run did not see; call only after a complete run. Returns how many and, when logging, the changes. */
  softDeleteUnseen(runId: string, now: string): { deleted: number; changes: ChangeInput[] } {
    const rows = this.softDelete.all({ runId, now });
    return { deleted: rows.length, changes: this.logChanges ? rows.map((row) => ({ kind: 'deleted', table: TABLE, key: row.national_code })) : [] };
  }

  /** A dry run's would-be deletions as the change log lists them (nothing was deleted). */
  wouldDelete(unseen: readonly HeldRecord[]): ChangeInput[] {
    return this.logChanges ? unseen.map((record) => ({ kind: 'deleted', table: TABLE, key: record.key })) : [];
  }

  countActive(): number {
    return this.countActiveRows.get()!.count;
  }
}
