import Database from 'better-sqlite3';
import { SqliteDb } from '../../common/database/sqlite-db';
import { courseTerm, termOfDate, UserMatcher } from './moodle.classify';

const at = (iso: string) => Date.parse(iso) / 1000;

describe('course terms', () => {
  it.each([
    ['2024-09-22T08:00:00Z', '4031'], // 1 Mehr 1403
    ['2024-12-30T08:00:00Z', '4031'], // 10 Dey 1403
    ['2025-02-08T08:00:00Z', '4032'], // 20 Bahman 1403
    ['2025-04-15T08:00:00Z', '4032'], // 26 Farvardin 1404: still the spring term of 1403
    ['2025-07-01T08:00:00Z', '4033'], // 10 Tir 1404: the summer term of 1403
    ['2025-09-23T08:00:00Z', '4041'], // 1 Mehr 1404
  ])('should put a course starting %s in term %s', (iso, term) => {
    expect(termOfDate(at(iso))).toBe(term);
  });

  it('should prefer a term code in the short name, then the idnumber, then the start date when several tell', () => {
    expect(courseTerm({ shortname: 'CE101-4031', idnumber: 'X-4022', startDate: at('2025-09-23T08:00:00Z') })).toEqual({ code: '4031', source: 'shortname' });
    expect(courseTerm({ shortname: 'CE101', idnumber: 'CE101_۴۰۲۲', startDate: null })).toEqual({ code: '4022', source: 'idnumber' });
    expect(courseTerm({ shortname: 'CE101', idnumber: null, startDate: at('2025-09-23T08:00:00Z') })).toEqual({ code: '4041', source: 'startdate' });
  });

  it('should tie no term when neither the names nor a start date allow it', () => {
    expect(courseTerm({ shortname: 'testcourse_3', idnumber: 'TC-S-2023', startDate: null })).toBeNull();
  });
});

describe('UserMatcher', () => {
  let db: Database.Database;
  beforeEach(() => {
    db = new Database(':memory:');
    db.exec(`CREATE TABLE faculty_members (national_code TEXT PRIMARY KEY, deleted_at TEXT);
      INSERT INTO faculty_members VALUES ('0012345679', NULL), ('1234567891', '2026-01-01');`);
  });
  afterEach(() => db.close());

  it('should match faculty by national code and leave students unmatched when the students table does not exist yet', async () => {
    const matcher = await UserMatcher.open(new SqliteDb(db, false));
    expect(matcher.hasStudents).toBe(false);
    expect(
      await matcher.matchAll([
        // Moodle idnumbers lose leading zeros when typed into spreadsheets.
        { idnumber: '12345679', username: 't.ali', roles: ['editingteacher'] },
        { idnumber: '1234567891', username: 'x', roles: [] },
        { idnumber: null, username: '4031111001', roles: ['student'] },
      ]),
    ).toEqual([
      { kind: 'faculty', key: '0012345679' },
      { kind: 'none', key: null },
      { kind: 'none', key: null },
    ]);
  });

  it('should match students by idnumber or user name when the students table exists', async () => {
    db.exec(`CREATE TABLE students (student_number TEXT PRIMARY KEY, deleted_at TEXT);
      INSERT INTO students VALUES ('4031111001', NULL), ('0012345679', NULL);`);
    const matcher = await UserMatcher.open(new SqliteDb(db, false));
    expect(matcher.hasStudents).toBe(true);
    expect(
      await matcher.matchAll([
        { idnumber: null, username: '۴۰۳۱۱۱۱۰۰۱', roles: ['student'] },
        // The same number is a student number and a national code: who teaches is tried as faculty first.
        { idnumber: '0012345679', username: 'a', roles: ['student'] },
        { idnumber: '0012345679', username: 'a', roles: ['editingteacher'] },
      ]),
    ).toEqual([
      { kind: 'student', key: '4031111001' },
      { kind: 'student', key: '0012345679' },
      { kind: 'faculty', key: '0012345679' },
    ]);
  });
});
