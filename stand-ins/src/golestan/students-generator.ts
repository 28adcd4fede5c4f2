import { createPrng } from '../common/prng';
import { CAMPUSES, FAMILY_NAMES, FIELDS, FIRST_NAMES, MOBILE_PREFIXES, type Campus } from './golestan-pools';

export type StudentRecord = {
  studentnum: string;
  firstname: string;
  familyname: string;
  firstnameeng: string;
  familynameeng: string;
  fathername: string;
  codvaziayat: string;
  vazeiyat: string;
  birthdate: string;
  birthplace: string;
  city: string;
  address: string;
  phonenum: string;
  email: string;
  sex: string;
  course: string;
  course_name: string;
  grade: string;
  gradname: string;
  degsdate: string;
  last_degree: string;
  uniname: string;
  sub_uniname: string;
  sub_num: string;
  provinceCode: string;
  code_Markaz: string;
  province: string;
  term: string;
};

const FIRST_ENTRY_YEAR = 1396;
const LAST_ENTRY_YEAR = 1405;
const STUDENTS_PER_ENTRY_TERM = 3;
const GRADES = [
  ['2', 'کارشناسی', 'دیپلم'],
  ['3', 'کارشناسی ارشد', 'کارشناسی'],
] as const;

type Enrolment = { record: Omit<StudentRecord, 'codvaziayat' | 'vazeiyat' | 'term'>; firstKey: number; lastKey: number; takesSummer: boolean };

// A term code is the last three digits of the Jalali year plus the term 1–3;
// termKey orders them (1402 term 3 comes before 1403 term 1).
export const parseTermCode = (term: string): { year: number; termNumber: number } | null => {
  const match = /^(\d{3})([123])$/.exec(term);
  return match ? { year: 1000 + Number(match[1]), termNumber: Number(match[2]) } : null;
};

const termKey = (year: number, termNumber: number): number => year * 3 + termNumber - 1;

// Graduation never falls in a summer term, which only some students take.
const skipSummer = (key: number): number => (key % 3 === 2 ? key + 1 : key);

const enrolmentsOf = (campus: Campus, seed: number): Enrolment[] => {
  const prng = createPrng((seed * 7919 + Number(campus.code)) >>> 0);
  const enrolments: Enrolment[] = [];
  for (let year = FIRST_ENTRY_YEAR; year <= LAST_ENTRY_YEAR; year += 1) {
    for (const termNumber of [1, 2]) {
      for (let n = 0; n < STUDENTS_PER_ENTRY_TERM; n += 1) {
        const first = prng.pick(FIRST_NAMES);
        const family = prng.pick(FAMILY_NAMES);
        const field = prng.pick(FIELDS);
        const [grade, gradname, lastDegree] = prng.pick(GRADES);
        const studentnum = `${year % 1000}${termNumber}${campus.code}${String(n + 1).padStart(3, '0')}`;
        const firstKey = termKey(year, termNumber);
        enrolments.push({
          firstKey,
          lastKey: skipSummer(firstKey + (grade === '2' ? 11 : 6) + prng.int(3)),
          takesSummer: prng.next() < 0.3,
          record: {
            studentnum,
            firstname: first.fa,
            familyname: family.fa,
            firstnameeng: first.en,
            familynameeng: family.en,
            fathername: prng.pick(FIRST_NAMES.filter((f) => f.sex === 'male')).fa,
            birthdate: `${year - 19 - prng.int(6)}/${String(1 + prng.int(12)).padStart(2, '0')}/${String(1 + prng.int(29)).padStart(2, '0')}`,
            birthplace: prng.pick(CAMPUSES).city,
            city: campus.city,
            address: `${campus.city}، خیابان ${prng.pick(FAMILY_NAMES).fa}، پلاک ${1 + prng.int(120)}`,
            phonenum: prng.pick(MOBILE_PREFIXES) + String(prng.int(10_000_000)).padStart(7, '0'),
            email: `${first.en.toLowerCase()}.${studentnum}@student.uni.ac.ir`,
            sex: first.sex === 'male' ? 'مرد' : 'زن',
            course: field.code,
            course_name: field.name,
            grade,
            gradname,
            degsdate: '',
            last_degree: lastDegree,
            uniname: 'دانشگاه هم‌گام',
            sub_uniname: campus.name,
            sub_num: campus.code,
            provinceCode: String(campus.provinceId),
            code_Markaz: campus.code,
            province: campus.province,
          },
        });
      }
    }
  }
  return enrolments;
};

// A student appears in every term from entry to graduation (summer terms only
// for some), so the same studentnum comes back in many terms with a status
// that changes in the last one.
export const generateStudents = (codePardis: string, term: string, seed: number): StudentRecord[] => {
  const campus = CAMPUSES.find((c) => c.code === codePardis);
  const parsed = parseTermCode(term);
  if (!campus || !parsed) return [];
  const key = termKey(parsed.year, parsed.termNumber);
  return enrolmentsOf(campus, seed)
    .filter((e) => e.firstKey <= key && key <= e.lastKey && (parsed.termNumber !== 3 || e.takesSummer))
    .map((e) => {
      const isGraduating = key === e.lastKey;
      return {
        ...e.record,
        codvaziayat: isGraduating ? '7' : '1',
        vazeiyat: isGraduating ? 'فارغ‌التحصیل' : 'در حال تحصیل',
        degsdate: isGraduating ? `${parsed.year}/06/31` : '',
        term,
      };
    });
};
