import Database from 'better-sqlite3';
import type { QueryRunner } from 'typeorm';
import { SqliteDb } from '../../common/database/sqlite-db';
import { CreateMoodleTables1764000000300 } from './migrations/1764000000300-create-moodle-tables';
import { MoodleRepository, MOODLE_TABLES, type MoodleTable } from './moodle.repository';
import type { Row } from './moodle-table-writer';

type MoodleSnapshot = Record<MoodleTable, Row[]> & { keptContents: number[] };

const contents = (courseId: number, pages: number, marker: string) => ({
  course_id: courseId,
  sections: 2,
  visible_sections: 2,
  activities: pages,
  visible_activities: pages,
  hidden_activities: 0,
  teaching_activities: pages,
  resources: 0,
  files: 0,
  file_bytes: 0,
  pages,
  urls: 0,
  assignments: 0,
  quizzes: 0,
  forums: 0,
  other_activities: 0,
  by_module: '{}',
  last_content_modified: null,
  analysed_marker: marker,
});
const course = (id: number, fullname = `Course ${id}`) => ({
  id,
  shortname: `C${id}`,
  fullname,
  idnumber: null,
  category_id: 1,
  visible: 1,
  format: 'topics',
  start_date: null,
  end_date: null,
  time_modified: null,
  cache_rev: null,
  term_code: null,
  term_source: null,
  activity_level: 'light',
});
const snapshot = (patch: Partial<MoodleSnapshot> = {}): MoodleSnapshot => ({
  categories: [{ id: 1, name: 'Science', idnumber: null, parent_id: 0, path: '/1', depth: 1, sortorder: 1, visible: 1, time_modified: null }],
  courses: [course(2), course(3)],
  contents: [contents(2, 3, 'a'), contents(3, 1, 'b')],
  keptContents: [],
  users: [{ id: 7, username: 'u7', idnumber: null, firstname: 'A', lastname: 'B', fullname: 'A B', email: null, match_kind: 'none', match_key: null }],
  enrolments: [
    { course_id: 2, user_id: 7, roles: 'student' },
    { course_id: 3, user_id: 7, roles: 'student' },
  ],
  ...patch,
});

describe('MoodleRepository', () => {
  let db: Database.Database;
  let sql: SqliteDb;
  let repository: MoodleRepository;
  // What a run does: stage everything it read, then commit. Each run has its own connection, hence its own repository.
  const save = async (snap: MoodleSnapshot, runId: string, now: string, deleteUnseen: boolean) => {
    repository = await MoodleRepository.open(sql);
    await repository.stage(...MOODLE_TABLES.map((name) => [name, snap[name]] as const));
    return (await repository.commit(runId, now, { deleteUnseen, keptContents: snap.keptContents, summary: {} })).counts;
  };
  const live = (table: string) => (db.prepare(`SELECT COUNT(*) AS n FROM ${table} WHERE deleted_at IS NULL`).get() as { n: number }).n;

  beforeEach(async () => {
    db = new Database(':memory:');
    await new CreateMoodleTables1764000000300().up({ query: async (sql: string) => db.exec(sql) } as unknown as QueryRunner);
    sql = new SqliteDb(db, false);
    repository = await MoodleRepository.open(sql);
  });
  afterEach(() => db.close());

  it('should insert everything and then count it unchanged when the same snapshot is saved twice', async () => {
    const first = await save(snapshot(), 'run-1', 't1', true);
    expect(first.courses).toEqual({ inserted: 2, updated: 0, unchanged: 0, deleted: 0 });
    expect(first.enrolments.inserted).toBe(2);
    const second = await save(snapshot(), 'run-2', 't2', true);
    expect(second.courses).toEqual({ inserted: 0, updated: 0, unchanged: 2, deleted: 0 });
    expect(second.contents).toEqual({ inserted: 0, updated: 0, unchanged: 2, deleted: 0 });
  });

  it('should update changed rows and soft-delete unseen ones when a full run saves', async () => {
    await save(snapshot(), 'run-1', 't1', true);
    const saved = await save(
      snapshot({ courses: [course(2, 'Renamed')], contents: [contents(2, 3, 'a')], enrolments: [{ course_id: 2, user_id: 7, roles: 'student' }] }),
      'run-2',
      't2',
      true,
    );
    expect(saved.courses).toEqual({ inserted: 0, updated: 1, unchanged: 0, deleted: 1 });
    expect(saved.enrolments.deleted).toBe(1);
    expect(live('moodle_courses')).toBe(1);
    expect(db.prepare('SELECT deleted_at FROM moodle_courses WHERE id = 3').get()).toEqual({ deleted_at: 't2' });
  });

  it('should keep analyses it was told to keep and delete nothing when an incremental run saves', async () => {
    await save(snapshot(), 'run-1', 't1', true);
    const saved = await save(snapshot({ contents: [contents(2, 4, 'a2')], keptContents: [3] }), 'run-2', 't2', false);
    expect(saved.contents).toEqual({ inserted: 0, updated: 1, unchanged: 1, deleted: 0 });
    expect(await repository.storedContents()).toEqual(
      new Map([
        [2, { marker: 'a2', teachingActivities: 4 }],
        [3, { marker: 'b', teachingActivities: 1 }],
      ]),
    );
    expect(db.prepare('SELECT last_seen_run_id FROM moodle_course_contents WHERE course_id = 3').get()).toEqual({ last_seen_run_id: 'run-2' });
  });

  it('should restore a soft-deleted row as updated when it is seen again', async () => {
    await save(snapshot(), 'run-1', 't1', true);
    await save(snapshot({ courses: [course(2)] }), 'run-2', 't2', true);
    const saved = await save(snapshot(), 'run-3', 't3', true);
    expect(saved.courses).toMatchObject({ updated: 1, unchanged: 1 });
    expect(live('moodle_courses')).toBe(2);
  });

  it('should leave the live tables as they were when a run stages rows and never commits', async () => {
    await save(snapshot(), 'run-1', 't1', true);
    const before = db.prepare('SELECT * FROM moodle_courses ORDER BY id').all();
    const failing = await MoodleRepository.open(sql);

    await failing.stage(['courses', [course(2, 'Renamed'), course(4)]], ['enrolments', [{ course_id: 4, user_id: 7, roles: 'student' }]]);

    await failing.flush();
    expect(db.prepare('SELECT COUNT(*) AS n FROM temp.moodle_courses_staged').get()).toEqual({ n: 2 });
    expect(db.prepare('SELECT * FROM moodle_courses ORDER BY id').all()).toEqual(before);
    expect(live('moodle_enrolments')).toBe(2);
  });

  it('should keep the first details and every role of a user seen in several courses', async () => {
    const user = { id: 7, username: 'u7', idnumber: null, firstname: 'A', lastname: 'B', fullname: 'A B', email: null };
    repository = await MoodleRepository.open(sql);

    await repository.seeUsers([
      { ...user, roles: ['student'] },
      { id: 3, username: 'u3', idnumber: '12', firstname: 'C', lastname: 'D', fullname: 'C D', email: 'c@d', roles: [] },
    ]);
    // Written in between: the second sighting meets the stored row, the third the buffered one.
    await repository.flush();
    await repository.seeUsers([{ ...user, fullname: 'Other', roles: ['editingteacher', 'student'] }]);
    await repository.seeUsers([{ ...user, roles: ['student'] }]);

    expect(await repository.seenUsers(0, 10)).toEqual([
      { id: 3, username: 'u3', idnumber: '12', firstname: 'C', lastname: 'D', fullname: 'C D', email: 'c@d', roles: [] },
      { ...user, roles: ['student', 'editingteacher'] },
    ]);
    expect((await repository.seenUsers(3, 10)).map((u) => u.id)).toEqual([7]);
  });

  it('should list staged against live when logging changes: inserts, a course renamed old → new, a user’s email without values, deletions', async () => {
    const logged = async (snap: MoodleSnapshot, runId: string) => {
      repository = await MoodleRepository.open(sql, { logChanges: true });
      await repository.stage(...MOODLE_TABLES.map((name) => [name, snap[name]] as const));
      return (await repository.commit(runId, 't', { deleteUnseen: true, keptContents: [], summary: {} })).changes;
    };
    const first = await logged(snapshot(), 'run-1');
    const user = { ...snapshot().users[0], email: 'secret@uni.ac.ir' };
    const second = await logged(snapshot({ courses: [course(2, 'Physics II')], users: [user] }), 'run-2');

    expect(first).toEqual([
      { kind: 'inserted', table: 'categories', key: '1' },
      { kind: 'inserted', table: 'courses', key: '2' },
      { kind: 'inserted', table: 'courses', key: '3' },
      { kind: 'inserted', table: 'users', key: '7' },
    ]);
    expect(second).toEqual([
      { kind: 'updated', table: 'courses', key: '2', diff: { fullName: ['Course 2', 'Physics II'] } },
      { kind: 'updated', table: 'users', key: '7', diff: { email: 0 } },
      { kind: 'deleted', table: 'courses', key: '3' },
    ]);
    expect(JSON.stringify(second)).not.toContain('secret@');
  });
});
