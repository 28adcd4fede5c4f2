import { startGolestanStandIn, type GolestanStandIn } from '@hamgam/stand-ins';
import type { SyncRun } from '@hamgam/shared';
import { isValidNationalCode, normalizeNationalCode } from '../../../src/common/national-code';
import { toAsciiDigits } from '../../../src/common/text/clean-text';
import { jalaliYearMonth, termCodes } from '../../../src/sources/students/students.terms';
import { startTestApp, waitForRunEnd, type TestApp } from './test-app';

export type StudentsFixture = { gateway: GolestanStandIn; t: TestApp; terms: string[]; close: () => Promise<void> };

/** A small generated university (4 campuses), the app pointed at it, and the students source set to read its last three years. */
export async function startStudentsFixture(options: Record<string, unknown> = {}): Promise<StudentsFixture> {
  const gateway = await startGolestanStandIn({ seed: 5, students: { campusCount: 4, studentsPerCampus: 36 } });
  const t = await startTestApp({
    env: { GOLESTAN_BASE_URL: gateway.url, GOLESTAN_USERNAME: gateway.username, GOLESTAN_PASSWORD: gateway.password },
  });
  const year = jalaliYearMonth(new Date()).year;
  const settings = {
    campuses: gateway.students.campuses.map(({ code, name }) => ({ code, name })),
    fromYear: year - 2,
    toYear: year,
    // Small pages so calls page; fast retries.
    pageSize: 10,
    retryBaseMs: 20,
    requestTimeoutMs: 3000,
    ...options,
  };
  await t.http().patch('/api/sources/students').send({ options: settings }).expect(200);
  return {
    gateway,
    t,
    terms: termCodes(year - 2, year),
    close: async () => {
      await t.close();
      await gateway.close();
    },
  };
}

export type ExpectedStudents = {
  fetched: number;
  rejected: number;
  /** Student number → the (term, campus, status) of their latest term. */
  latest: Map<string, { term: string; campusCode: string; statusCode: string }>;
  /** "number term campus status" of every valid row. */
  history: string[];
};

/** What a correct full run stores, computed from the stand-in's data independently of the connector. */
export function expectedStudents(gateway: GolestanStandIn, terms: string[]): ExpectedStudents {
  const expected: ExpectedStudents = { fetched: 0, rejected: 0, latest: new Map(), history: [] };
  for (const campus of gateway.students.campuses) {
    for (const term of terms) {
      for (const record of gateway.students.list(campus.code, term)) {
        expected.fetched += 1;
        const code = normalizeNationalCode(toAsciiDigits(record.nationalcode));
        if (!code || !isValidNationalCode(code)) {
          expected.rejected += 1;
          continue;
        }
        expected.history.push(`${record.studentnum} ${term} ${campus.code} ${record.codvaziayat}`);
        const seen = expected.latest.get(record.studentnum);
        if (!seen || term > seen.term || (term === seen.term && campus.code > seen.campusCode)) {
          expected.latest.set(record.studentnum, { term, campusCode: campus.code, statusCode: record.codvaziayat });
        }
      }
    }
  }
  return expected;
}

export type StoredStudent = {
  student_number: string;
  first_name: string;
  last_name: string;
  term: string;
  campus_code: string;
  status_code: string;
  deleted_at: string | null;
  updated_at: string;
  last_run_id: string;
};

export async function readStudents(t: TestApp): Promise<{ students: StoredStudent[]; history: string[] }> {
  const students = await t.sql.all<StoredStudent>('SELECT * FROM students ORDER BY student_number');
  const history = (await t.sql.all<{ student_number: string; term: string; campus_code: string; status_code: string }>('SELECT * FROM student_terms')).map(
    (row) => `${row.student_number} ${row.term} ${row.campus_code} ${row.status_code}`,
  );
  return { students, history };
}

export function latestOf(students: StoredStudent[]): Map<string, { term: string; campusCode: string; statusCode: string }> {
  return new Map(students.map((s) => [s.student_number, { term: s.term, campusCode: s.campus_code, statusCode: s.status_code }]));
}

export async function runStudents(t: TestApp, body: Record<string, unknown> = {}): Promise<SyncRun> {
  const response = await t.http().post('/api/sources/students/runs').send(body).expect(202);
  return waitForRunEnd(t, (response.body as SyncRun).id, 60_000);
}
