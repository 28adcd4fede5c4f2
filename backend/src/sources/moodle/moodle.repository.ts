import type Database from 'better-sqlite3';
import { runSqliteWriteTransaction as runWriteTransaction } from '../../common/database/write-transaction';
import type { DeletionGate, HeldRecord } from '../../sync/source-definition';
import type { MoodleEnrolledUser } from './moodle.parser';
import type { ChangeInput } from '../../sync/changes/change-writer';
import { StagedTable, type ChangeLogOf, type Row, type TableCounts } from './moodle-table-writer';
import { MOODLE_USER_SENSITIVE_FIELDS } from './moodle.sensitive';

export const MOODLE_TABLES = ['categories', 'courses', 'contents', 'users', 'enrolments'] as const;
export type MoodleTable = (typeof MOODLE_TABLES)[number];

export type StoredContents = { marker: string | null; teachingActivities: number };

export const COLUMNS: Record<MoodleTable, { table: string; keys: string[]; columns: string[] }> = {
  categories: {
    table: 'moodle_categories',
    keys: ['id'],
    columns: ['name', 'idnumber', 'parent_id', 'path', 'depth', 'sortorder', 'visible', 'time_modified'],
  },
  courses: {
    table: 'moodle_courses',
    keys: ['id'],
    columns: [
      'shortname',
      'fullname',
      'idnumber',
      'category_id',
      'visible',
      'format',
      'start_date',
      'end_date',
      'time_modified',
      'cache_rev',
      'term_code',
      'term_source',
      'activity_level',
    ],
  },
  contents: {
    table: 'moodle_course_contents',
    keys: ['course_id'],
    columns: [
      'sections',
      'visible_sections',
      'activities',
      'visible_activities',
      'hidden_activities',
      'teaching_activities',
      'resources',
      'files',
      'file_bytes',
      'pages',
      'urls',
      'assignments',
      'quizzes',
      'forums',
      'other_activities',
      'by_module',
      'last_content_modified',
      'analysed_marker',
    ],
  },
  users: { table: 'moodle_users', keys: ['id'], columns: ['username', 'idnumber', 'firstname', 'lastname', 'fullname', 'email', 'match_kind', 'match_key'] },
  enrolments: { table: 'moodle_enrolments', keys: ['course_id', 'user_id'], columns: ['roles'] },
};

// The tables the data browser shows log their changes, under its field names (`moodle.records.ts`).
const CHANGE_LOGS: Partial<Record<MoodleTable, ChangeLogOf>> = {
  categories: {
    recordTable: 'categories',
    fields: {
      name: 'name',
      idnumber: 'idnumber',
      parent_id: 'parent',
      path: 'path',
      depth: 'depth',
      sortorder: 'sortorder',
      visible: 'visible',
      deleted_at: 'deletedAt',
    },
  },
  courses: {
    recordTable: 'courses',
    fields: {
      shortname: 'shortName',
      fullname: 'fullName',
      idnumber: 'idnumber',
      category_id: 'category',
      visible: 'visible',
      format: 'format',
      start_date: 'startDate',
      end_date: 'endDate',
      term_code: 'term',
      activity_level: 'classification',
      deleted_at: 'deletedAt',
    },
  },
  users: {
    recordTable: 'users',
    fields: {
      username: 'username',
      idnumber: 'idnumber',
      firstname: 'firstName',
      lastname: 'lastName',
      email: 'email',
      match_kind: 'match',
      match_key: 'matchedKey',
      deleted_at: 'deletedAt',
    },
    sensitive: new Set(MOODLE_USER_SENSITIVE_FIELDS),
  },
};

type SeenUserRow = Omit<MoodleEnrolledUser, 'roles'> & { roles: string };

// Negative: KiB, as PRAGMA cache_size takes them.
const STAGED_CACHE_KIB = -2000;
const LIVE_CACHE_KIB = -8000;

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

/**
 * The Moodle tables for one run (see docs/decisions.md): rows are staged as they are read, in TEMP tables of the
 * run's own connection, and `commit` switches them live in one transaction. A run that fails before the commit
 * leaves the stored picture exactly as it was.
 */
export class MoodleRepository {
  private held: HeldRecord[] = [];
  private readonly tables: Record<MoodleTable, StagedTable>;
  private readonly stageBatches: Database.Transaction<(batches: readonly (readonly [MoodleTable, readonly Row[]])[]) => void>;
  private readonly seeUsersAll: Database.Transaction<(users: readonly MoodleEnrolledUser[]) => void>;
  private readonly readSeen: Database.Statement<[number, number], SeenUserRow>;
  private readonly commitAll: (runId: string, now: string, commit: MoodleCommit) => Record<MoodleTable, TableCounts>;

  private changes: ChangeInput[] = [];

  /**
   * `logChanges`: the commit also lists what it changes in the browsable tables (`takeChanges`).
   * `isDryRun`: the commit is rolled back (`runWriteTransaction`): its counts are exact, nothing goes live.
   */
  constructor(
    private readonly db: Database.Database,
    private readonly options: { logChanges?: boolean; isDryRun?: boolean } = {},
  ) {
    const logChanges = options.logChanges === true;
    // Staged rows go to a file, not to memory, whatever the build's default. The page caches in front of the
    // staged rows and of the live tables are kept small (the defaults are 16 MB each): this connection serves one
    // run, and the merge reads and writes mostly in key order.
    db.pragma('temp_store = FILE');
    db.pragma(`temp.cache_size = ${STAGED_CACHE_KIB}`);
    db.pragma(`main.cache_size = ${LIVE_CACHE_KIB}`);
    this.tables = Object.fromEntries(
      MOODLE_TABLES.map((name) => [
        name,
        new StagedTable(db, COLUMNS[name].table, COLUMNS[name].keys, COLUMNS[name].columns, logChanges ? (CHANGE_LOGS[name] ?? null) : null),
      ]),
    ) as Record<MoodleTable, StagedTable>;
    // Everyone enrolled anywhere, once, with the union of their roles: matched after the last course, without
    // holding the site's users in memory. A user's details are the first ones read.
    db.exec('DROP TABLE IF EXISTS temp.moodle_users_seen');
    db.exec('CREATE TEMP TABLE moodle_users_seen (id INTEGER PRIMARY KEY, username, idnumber, firstname, lastname, fullname, email, roles NOT NULL)');
    const seeUser = db.prepare<[Record<string, string | number | null>]>(
      `INSERT INTO temp.moodle_users_seen (id, username, idnumber, firstname, lastname, fullname, email, roles)
       VALUES (@id, @username, @idnumber, @firstname, @lastname, @fullname, @email, @roles)
       ON CONFLICT (id) DO UPDATE SET roles = CASE WHEN excluded.roles = '' OR instr(',' || roles || ',', ',' || excluded.roles || ',') > 0
         THEN roles ELSE roles || ',' || excluded.roles END`,
    );
    this.seeUsersAll = db.transaction((users: readonly MoodleEnrolledUser[]) => {
      for (const user of users) seeUser.run({ ...user, roles: [...new Set(user.roles)].sort().join(',') });
    });
    this.readSeen = db.prepare('SELECT * FROM temp.moodle_users_seen WHERE id > ? ORDER BY id LIMIT ?');
    this.stageBatches = db.transaction((batches: readonly (readonly [MoodleTable, readonly Row[]])[]) => {
      for (const [name, rows] of batches) this.tables[name].stage(rows);
    });
    const touchContents = db.prepare(`UPDATE moodle_course_contents SET last_seen_run_id = ? WHERE course_id IN (SELECT value FROM json_each(?))`);
    const saveSummary = db.prepare('INSERT OR REPLACE INTO moodle_classifications (run_id, created_at, summary) VALUES (?, ?, ?)');
    this.commitAll = (runId: string, now: string, commit: MoodleCommit) => {
      const counts = {} as Record<MoodleTable, TableCounts>;
      const changes: ChangeInput[] = [];
      this.changes = changes;
      for (const name of MOODLE_TABLES) counts[name] = { ...this.tables[name].merge(runId, now, changes), deleted: 0 };
      // Analyses kept from an earlier run are unchanged by definition: counted so, and marked as seen.
      touchContents.run(runId, JSON.stringify(commit.keptContents));
      counts.contents.unchanged += commit.keptContents.length;
      if (commit.deleteUnseen) this.deleteUnseen(runId, now, counts, commit.deletions, changes);
      saveSummary.run(runId, now, JSON.stringify(commit.summary));
      return counts;
    };
  }

  /** Soft-deletes what the run did not see, unless that passes the deletion guard (counted over every table): then holds it. */
  private deleteUnseen(
    runId: string,
    now: string,
    counts: Record<MoodleTable, TableCounts>,
    deletions: DeletionGate | undefined,
    changes: ChangeInput[],
  ): void {
    const unseen: HeldRecord[] = MOODLE_TABLES.flatMap((name) => this.tables[name].unseenLive(runId).map((row) => ({ table: name, ...row })));
    const live = MOODLE_TABLES.reduce((sum, name) => sum + this.tables[name].countLive(), 0);
    if (deletions?.exceeds(unseen.length, live)) {
      // Written by the step after the commit (`takeHeld`): the gate writes in a transaction of its own.
      this.held = unseen;
      return;
    }
    for (const name of MOODLE_TABLES) counts[name].deleted = this.tables[name].softDeleteUnseen(runId, now, changes);
  }

  /**
   * Stages rows for this run, e.g. everything read of one course, in one transaction that writes only the TEMP
   * database: it takes no lock on the shared file.
   */
  stage(...batches: (readonly [MoodleTable, readonly Row[]])[]): void {
    this.stageBatches(batches);
  }

  /** Notes the users of one page of participants (in a transaction of the TEMP database, like `stage`). */
  seeUsers(users: readonly MoodleEnrolledUser[]): void {
    this.seeUsersAll(users);
  }

  /** Up to `limit` of the users seen so far, by id after `afterId`, each with every role they hold anywhere. */
  seenUsers(afterId: number, limit: number): MoodleEnrolledUser[] {
    return this.readSeen.all(afterId, limit).map((row) => ({ ...row, roles: row.roles === '' ? [] : [...new Set(row.roles.split(','))] }));
  }

  /** Switches everything staged live in one write transaction and returns the counts per table. */
  /** Records the last commit held past the deletion guard instead of deleting them (each handed over once). */
  takeHeld(): HeldRecord[] {
    const held = this.held;
    this.held = [];
    return held;
  }

  commit(runId: string, now: string, commit: MoodleCommit): Record<MoodleTable, TableCounts> {
    return runWriteTransaction(this.db, this.options.isDryRun === true, () => this.commitAll(runId, now, commit));
  }

  /** What the last commit changed in the browsable tables (when logging); hand it to the change log after the commit. */
  takeChanges(): ChangeInput[] {
    const changes = this.changes;
    this.changes = [];
    return changes;
  }

  /** The stored analysis of every live course: the marker it was made at and what the level needs. */
  storedContents(): Map<number, StoredContents> {
    const rows = this.db.prepare('SELECT course_id, analysed_marker, teaching_activities FROM moodle_course_contents WHERE deleted_at IS NULL').all() as {
      course_id: number;
      analysed_marker: string | null;
      teaching_activities: number;
    }[];
    return new Map(rows.map((row) => [row.course_id, { marker: row.analysed_marker, teachingActivities: row.teaching_activities }]));
  }

  countActiveCourses(): number {
    return (this.db.prepare('SELECT COUNT(*) AS count FROM moodle_courses WHERE deleted_at IS NULL').get() as { count: number }).count;
  }
}
