import type { Campus } from './golestan-pools';
import { DEFAULT_STUDENT_CAMPUS_COUNT, studentCampuses } from './student-campuses';
import {
  currentJalaliYear,
  generateCampusStudents,
  parseTermCode,
  studentInTerm,
  termKey,
  type GeneratedStudent,
  type StudentRecord,
} from './students-generator';

export type StudentsUniversityOptions = {
  /** Campuses of the university; the first 16 are the named ones. Default 16 (the demo). */
  campusCount?: number;
  /** Students generated per campus over ten entry years. Default 40 (the demo); the benchmark passes ~1,500. */
  studentsPerCampus?: number;
  /** The last entry year (Jalali); default the current year. */
  lastYear?: number;
};

export type StudentsDataset = {
  readonly campuses: readonly Campus[];
  readonly lastYear: number;
  /** What the gateway answers for one (campus, term), in order; [] for an unknown campus or term. */
  list(codePardis: string, term: string): StudentRecord[];
  page(codePardis: string, term: string, pageNumber: number, pageSize: number): StudentRecord[];
  /** The gateway's whole answer for the page, `{"data": [...]}` as UTF-8, encoded once and kept until the data changes. */
  pageAnswer(codePardis: string, term: string, pageNumber: number, pageSize: number): Buffer;
  /** Drops the student from every term. */
  remove(studentnum: string): void;
  /** Changes the student's record in every term. */
  update(studentnum: string, patch: Partial<StudentRecord>): void;
  /** Students and rows served over these campuses × terms (the benchmark's size). */
  size(terms: readonly string[]): { students: number; rows: number };
  reset(): void;
};

type CampusData = { students: GeneratedStudent[]; byTerm: Map<number, number[]> };

export const DEFAULT_STUDENTS_PER_CAMPUS = 40;

export const createStudentsDataset = (options: StudentsUniversityOptions, seed: number): StudentsDataset => {
  const campuses = studentCampuses(options.campusCount ?? DEFAULT_STUDENT_CAMPUS_COUNT);
  const perCampus = options.studentsPerCampus ?? DEFAULT_STUDENTS_PER_CAMPUS;
  const lastYear = options.lastYear ?? currentJalaliYear();
  // Generated on first use and kept: a run asks for every campus many times.
  const cache = new Map<string, CampusData>();
  let removed = new Set<string>();
  let patches = new Map<string, Partial<StudentRecord>>();
  // Encoded answers: the benchmark measures Hamgam against a reference over the same gateway, and a real
  // gateway's own encoding cost is not on Hamgam's machine; a few hundred MB at the benchmark's size.
  const answers = new Map<string, Buffer>();

  const campusData = (code: string): CampusData | null => {
    const cached = cache.get(code);
    if (cached) return cached;
    const index = campuses.findIndex((campus) => campus.code === code);
    if (index === -1) return null;
    const students = generateCampusStudents(campuses[index], index, perCampus, lastYear, seed);
    const byTerm = new Map<number, number[]>();
    for (const student of students) {
      for (const key of student.path.keys()) {
        const list = byTerm.get(key);
        if (list) list.push(student.index);
        else byTerm.set(key, [student.index]);
      }
    }
    const data = { students, byTerm };
    cache.set(code, data);
    return data;
  };

  const rowsOf = (codePardis: string, term: string): { data: CampusData; indexes: number[] } | null => {
    const parsed = parseTermCode(term);
    const data = parsed ? campusData(codePardis) : null;
    if (!parsed || !data) return null;
    const indexes = data.byTerm.get(termKey(parsed.year, parsed.termNumber)) ?? [];
    return { data, indexes: removed.size === 0 ? indexes : indexes.filter((i) => !removed.has(data.students[i].base.studentnum)) };
  };

  const recordOf = (student: GeneratedStudent, term: string): StudentRecord => {
    const parsed = parseTermCode(term)!;
    const record = studentInTerm(student, term, student.path.get(termKey(parsed.year, parsed.termNumber))!);
    const patch = patches.get(student.base.studentnum);
    return patch ? { ...record, ...patch, term } : record;
  };

  const page = (codePardis: string, term: string, pageNumber: number, pageSize: number): StudentRecord[] => {
    const rows = rowsOf(codePardis, term);
    if (!rows) return [];
    return rows.indexes.slice((pageNumber - 1) * pageSize, pageNumber * pageSize).map((i) => recordOf(rows.data.students[i], term));
  };

  return {
    campuses,
    lastYear,
    list: (codePardis, term) => page(codePardis, term, 1, Number.MAX_SAFE_INTEGER),
    page,
    pageAnswer: (codePardis, term, pageNumber, pageSize) => {
      const key = `${codePardis}/${term}/${pageNumber}/${pageSize}`;
      let answer = answers.get(key);
      if (!answer) {
        answer = Buffer.from(JSON.stringify({ data: page(codePardis, term, pageNumber, pageSize) }), 'utf8');
        answers.set(key, answer);
      }
      return answer;
    },
    remove: (studentnum) => {
      removed.add(studentnum);
      answers.clear();
    },
    update: (studentnum, patch) => {
      patches.set(studentnum, { ...patches.get(studentnum), ...patch });
      answers.clear();
    },
    size: (terms) => {
      const students = new Set<string>();
      let rows = 0;
      for (const campus of campuses) {
        for (const term of terms) {
          const found = rowsOf(campus.code, term);
          if (!found) continue;
          rows += found.indexes.length;
          for (const i of found.indexes) students.add(found.data.students[i].base.studentnum);
        }
      }
      return { students: students.size, rows };
    },
    reset: () => {
      removed = new Set();
      patches = new Map();
      answers.clear();
    },
  };
};
