import type { SqlDb } from '../../common/database/sql-db';
import { runWriteTransaction } from '../../common/database/write-transaction';
import type { ChangeInput } from '../../sync/changes/change-writer';
import type { DeletionGate, HeldRecord } from '../../sync/source-definition';
import type { MoodleEnrolledUser } from './moodle.parser';
import { CHANGE_LOGS, COLUMNS, MOODLE_TABLES, type MoodleTable } from './moodle-tables';
import { STAGE_CHUNK, StagedTable, type Row, type TableCounts } from './moodle-table-writer';
import { SeenUsers } from './moodle-users-seen';

export { COLUMNS, MOODLE_TABLES, type MoodleTable } from './moodle-tables';

export type StoredContents = { marker: string | null; teachingActivities: number };

// Negative: KiB, as PRAGMA cache_size takes them.
const STAGED_CACHE_KIB = -2000;
const LIVE_CACHE_KIB = -8000;
// Rows buffered before they are written to the staging tables: a few multi-row statements a flush on PostgreSQL.
const FLUSH_ROWS = 2000;

/** What a run's commit needs besides its staged rows. */
export type MoodleCommit = {
  /** Complete full runs only: soft-delete every live row the run did not see. */
  deleteUnseen: boolean;
  /** Courses whose stored analysis is still right (incremental runs): only marked as seen, counted unchanged. */
  keptContents: readonly number[];
  /** The run's classification summary, kept in `moodle_classifications`. */
  summary: unknown;
  /** The source's deletion guard: past it, the unseen rows of every table are held instead of deleted. */
  deletions?: DeletionGate;
};

/** What the commit did: its counts per table, what it changed (when logging) and what it held past the deletion guard. */
export type MoodleCommitResult = {
  counts: Record<MoodleTable, TableCounts>;
  /** Hand them to the change log after the commit (a dry run's rolled-back commit still lists what it would change). */
  changes: ChangeInput[];
  /** Hand them to the deletion gate after the commit: the gate writes in a transaction of its own. */
  held: HeldRecord[];
};

/** Runs `work` one at a time: courses are read a few at a time, and a connection takes one transaction at once. */
class Serial {
  private tail: Promise<unknown> = Promise.resolve();

  run<T>(work: () => Promise<T>): Promise<T> {
    const next = this.tail.then(work);
    this.tail = next.catch(() => undefined);
    return next;
  }
}

/**
 * A transaction that writes only the staging tables. On SQLite a deferred one: writing only the TEMP database, it
 * takes no lock on the shared file (an IMMEDIATE one would).
 */
async function stagingTransaction(db: SqlDb, work: (tx: SqlDb) => Promise<void>): Promise<void> {
  if (db.dialect === 'postgres') return db.transaction(work);
  await db.run('BEGIN');
  try {
    await work(db);
    await db.run('COMMIT');
  } catch (error) {
    await db.run('ROLLBACK').catch(() => undefined);
    throw error;
  }
}

/**
 * The Moodle tables for one run (see docs/decisions.md): rows are staged as they are read, in TEMP tables of the
 * run's own connection, and `commit` switches them live in one transaction with a few set-based statements a
 * table. A run that fails before the commit leaves the stored picture exactly as it was.
 */
export class MoodleRepository {
  private readonly tables: Record<MoodleTable, StagedTable>;
  private readonly users: SeenUsers;
  private readonly serial = new Serial();

  /**
   * `logChanges`: the commit also lists what it changes in the browsable tables.
   * `isDryRun`: the commit is rolled back (`runWriteTransaction`): its counts are exact, nothing goes live.
   */
  private constructor(
    private readonly db: SqlDb,
    private readonly options: { logChanges?: boolean; isDryRun?: boolean },
  ) {
    const logChanges = options.logChanges === true;
    this.tables = Object.fromEntries(
      MOODLE_TABLES.map((name) => [
        name,
        new StagedTable(db, COLUMNS[name].table, COLUMNS[name].keys, COLUMNS[name].columns, logChanges ? (CHANGE_LOGS[name] ?? null) : null),
      ]),
    ) as Record<MoodleTable, StagedTable>;
    this.users = new SeenUsers(db);
  }

  /** The repository of one run on its own connection, with its staging tables created. */
  static async open(db: SqlDb, options: { logChanges?: boolean; isDryRun?: boolean } = {}): Promise<MoodleRepository> {
    if (db.dialect === 'sqlite') {
      // Staged rows go to a file, not to memory, whatever the build's default. The page caches in front of the
      // staged rows and of the live tables are kept small (the defaults are 16 MB each): this connection serves
      // one run, and the merge reads and writes mostly in key order.
      await db.run('PRAGMA temp_store = FILE');
      await db.run(`PRAGMA temp.cache_size = ${STAGED_CACHE_KIB}`);
      await db.run(`PRAGMA main.cache_size = ${LIVE_CACHE_KIB}`);
    }
    const repository = new MoodleRepository(db, options);
    for (const name of MOODLE_TABLES) await repository.tables[name].create();
    await repository.users.create();
    return repository;
  }

  private get buffered(): number {
    return MOODLE_TABLES.reduce((sum, name) => sum + this.tables[name].buffered, this.users.buffered);
  }

  /** Writes the buffered rows to the staging tables (all, or whole chunks), in one transaction that writes only them. */
  flush(all = true): Promise<void> {
    return this.serial.run(async () => {
      const counts = [...MOODLE_TABLES.map((name) => this.tables[name].buffered), this.users.buffered];
      // A flush queued behind another may find nothing left to write.
      if (!counts.some((count) => (all ? count > 0 : count >= STAGE_CHUNK))) return;
      await stagingTransaction(this.db, async (tx) => {
        for (const name of MOODLE_TABLES) await this.tables[name].flush(tx, all);
        await this.users.flush(tx, all);
      });
    });
  }

  private async flushWhenFull(): Promise<void> {
    // Each table keeps less than a chunk after a partial flush: past FLUSH_ROWS at least one has a whole chunk.
    if (this.buffered >= FLUSH_ROWS) await this.flush(false);
  }

  /** Stages rows for this run, e.g. everything read of one course (buffered, written a few thousand rows at a time). */
  async stage(...batches: (readonly [MoodleTable, readonly Row[]])[]): Promise<void> {
    for (const [name, rows] of batches) this.tables[name].add(rows);
    await this.flushWhenFull();
  }

  /** Notes the users of one page of participants (buffered like `stage`). */
  async seeUsers(users: readonly MoodleEnrolledUser[]): Promise<void> {
    this.users.add(users);
    await this.flushWhenFull();
  }

  /** Up to `limit` of the users seen so far, by id after `afterId`, each with every role they hold anywhere. */
  async seenUsers(afterId: number, limit: number): Promise<MoodleEnrolledUser[]> {
    await this.flush();
    return this.serial.run(() => this.users.read(afterId, limit));
  }

  /** Switches everything staged live in one write transaction. */
  async commit(runId: string, now: string, commit: MoodleCommit): Promise<MoodleCommitResult> {
    await this.flush();
    return this.serial.run(() => runWriteTransaction(this.db, this.options.isDryRun === true, (tx) => this.commitAll(tx, runId, now, commit)));
  }

  private async commitAll(tx: SqlDb, runId: string, now: string, commit: MoodleCommit): Promise<MoodleCommitResult> {
    const counts = {} as Record<MoodleTable, TableCounts>;
    const changes: ChangeInput[] = [];
    let held: HeldRecord[] = [];
    for (const name of MOODLE_TABLES) counts[name] = { ...(await this.tables[name].merge(tx, runId, now, changes)), deleted: 0 };
    // Analyses kept from an earlier run are unchanged by definition: counted so, and marked as seen.
    if (commit.keptContents.length > 0) {
      const ids = commit.keptContents.map(String);
      const inIds =
        tx.dialect === 'postgres'
          ? { sql: 'course_id = ANY(CAST(? AS INTEGER[]))', value: ids }
          : { sql: 'course_id IN (SELECT value FROM json_each(?))', value: JSON.stringify(commit.keptContents) };
      await tx.run(`UPDATE moodle_course_contents SET last_seen_run_id = ? WHERE ${inIds.sql}`, [runId, inIds.value]);
    }
    counts.contents.unchanged += commit.keptContents.length;
    if (commit.deleteUnseen) held = await this.deleteUnseen(tx, runId, now, counts, commit.deletions, changes);
    await tx.run(
      `INSERT INTO moodle_classifications (run_id, created_at, summary) VALUES (?, ?, ?)
       ON CONFLICT (run_id) DO UPDATE SET created_at = excluded.created_at, summary = excluded.summary`,
      [runId, now, JSON.stringify(commit.summary)],
    );
    return { counts, changes, held };
  }

  /**
   * Soft-deletes what the run did not see, unless that passes the deletion guard (counted over every table): then
   * answers the rows to hold instead.
   */
  private async deleteUnseen(
    tx: SqlDb,
    runId: string,
    now: string,
    counts: Record<MoodleTable, TableCounts>,
    deletions: DeletionGate | undefined,
    changes: ChangeInput[],
  ): Promise<HeldRecord[]> {
    let unseen = 0;
    let live = 0;
    for (const name of MOODLE_TABLES) {
      unseen += await this.tables[name].countUnseen(tx, runId);
      live += await this.tables[name].countLive(tx);
    }
    if (deletions?.exceeds(unseen, live)) {
      const held: HeldRecord[] = [];
      for (const name of MOODLE_TABLES) held.push(...(await this.tables[name].unseenLive(tx, runId)).map((row) => ({ table: name, ...row })));
      return held;
    }
    for (const name of MOODLE_TABLES) counts[name].deleted = await this.tables[name].softDeleteUnseen(tx, runId, now, changes);
    return [];
  }

  /** The stored analysis of every live course: the marker it was made at and what the level needs. */
  async storedContents(): Promise<Map<number, StoredContents>> {
    const rows = await this.db.all<{ course_id: number; analysed_marker: string | null; teaching_activities: number }>(
      'SELECT course_id, analysed_marker, teaching_activities FROM moodle_course_contents WHERE deleted_at IS NULL',
    );
    return new Map(rows.map((row) => [row.course_id, { marker: row.analysed_marker, teachingActivities: row.teaching_activities }]));
  }

  async countActiveCourses(): Promise<number> {
    return (await this.db.get<{ count: number }>('SELECT CAST(COUNT(*) AS INTEGER) AS count FROM moodle_courses WHERE deleted_at IS NULL'))!.count;
  }
}
