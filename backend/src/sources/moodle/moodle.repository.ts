import type Database from 'better-sqlite3';
import { TableWriter, type Row, type TableCounts } from './moodle-table-writer';

export const MOODLE_TABLES = ['categories', 'courses', 'contents', 'users', 'enrolments'] as const;
export type MoodleTable = (typeof MOODLE_TABLES)[number];

/** Everything one run saves, already mapped to columns. Contents hold only the courses analysed this run. */
export type MoodleSnapshot = {
  categories: Row[];
  courses: Row[];
  contents: Row[];
  /** Courses whose stored analysis is still right (incremental runs): only marked as seen. */
  keptContents: number[];
  users: Row[];
  enrolments: Row[];
};

export type StoredContents = { marker: string | null; teachingActivities: number };

const COLUMNS: Record<MoodleTable, { table: string; keys: string[]; columns: string[] }> = {
  categories: { table: 'moodle_categories', keys: ['id'], columns: ['name', 'idnumber', 'parent_id', 'path', 'depth', 'sortorder', 'visible', 'time_modified'] },
  courses: {
    table: 'moodle_courses',
    keys: ['id'],
    columns: ['shortname', 'fullname', 'idnumber', 'category_id', 'visible', 'format', 'start_date', 'end_date', 'time_modified', 'cache_rev', 'term_code', 'term_source', 'activity_level'],
  },
  contents: {
    table: 'moodle_course_contents',
    keys: ['course_id'],
    columns: [
      'sections', 'visible_sections', 'activities', 'visible_activities', 'hidden_activities', 'teaching_activities', 'resources', 'files',
      'file_bytes', 'pages', 'urls', 'assignments', 'quizzes', 'forums', 'other_activities', 'by_module', 'last_content_modified', 'analysed_marker',
    ],
  },
  users: { table: 'moodle_users', keys: ['id'], columns: ['username', 'idnumber', 'firstname', 'lastname', 'fullname', 'email', 'match_kind', 'match_key'] },
  enrolments: { table: 'moodle_enrolments', keys: ['course_id', 'user_id'], columns: ['roles'] },
};

/** The Moodle tables, written with prepared statements in one transaction per run (see docs/decisions.md). */
export class MoodleRepository {
  private readonly writers: Record<MoodleTable, TableWriter>;
  private readonly saveAll: Database.Transaction<(snapshot: MoodleSnapshot, runId: string, now: string, deleteUnseen: boolean) => Record<MoodleTable, TableCounts>>;

  constructor(private readonly db: Database.Database) {
    this.writers = Object.fromEntries(
      MOODLE_TABLES.map((name) => [name, new TableWriter(db, COLUMNS[name].table, COLUMNS[name].keys, COLUMNS[name].columns)]),
    ) as Record<MoodleTable, TableWriter>;
    this.saveAll = db.transaction((snapshot: MoodleSnapshot, runId: string, now: string, deleteUnseen: boolean) => {
      const counts = {} as Record<MoodleTable, TableCounts>;
      for (const name of MOODLE_TABLES) {
        counts[name] = { ...this.writers[name].upsert(snapshot[name], runId, now), deleted: 0 };
      }
      // Analyses kept from an earlier run are unchanged by definition: counted so, and marked as seen.
      this.writers.contents.touch(snapshot.keptContents.map((id) => ({ course_id: id })), runId);
      counts.contents.unchanged += snapshot.keptContents.length;
      if (deleteUnseen) for (const name of MOODLE_TABLES) counts[name].deleted = this.writers[name].softDeleteUnseen(runId, now);
      return counts;
    });
  }

  /**
   * Saves a run's snapshot in one transaction: a run that fails before this point leaves the previous
   * picture whole. `deleteUnseen` (complete full runs only) soft-deletes every live row the run did not see.
   */
  save(snapshot: MoodleSnapshot, runId: string, now: string, deleteUnseen: boolean): Record<MoodleTable, TableCounts> {
    return this.saveAll.immediate(snapshot, runId, now, deleteUnseen);
  }

  /** The stored analysis of every live course: the marker it was made at and what the level needs. */
  storedContents(): Map<number, StoredContents> {
    const rows = this.db
      .prepare('SELECT course_id, analysed_marker, teaching_activities FROM moodle_course_contents WHERE deleted_at IS NULL')
      .all() as { course_id: number; analysed_marker: string | null; teaching_activities: number }[];
    return new Map(rows.map((row) => [row.course_id, { marker: row.analysed_marker, teachingActivities: row.teaching_activities }]));
  }

  countActiveCourses(): number {
    return (this.db.prepare('SELECT COUNT(*) AS count FROM moodle_courses WHERE deleted_at IS NULL').get() as { count: number }).count;
  }

  saveClassification(runId: string, now: string, summary: unknown): void {
    this.db.prepare('INSERT OR REPLACE INTO moodle_classifications (run_id, created_at, summary) VALUES (?, ?, ?)').run(runId, now, JSON.stringify(summary));
  }
}
