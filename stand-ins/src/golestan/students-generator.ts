import { createPrng, type Prng } from '../common/prng';
import { FAMILY_NAMES, FIELDS, FIRST_NAMES, MOBILE_PREFIXES, type Campus } from './golestan-pools';
import { validNationalCode, withWrongCheckDigit } from './national-code';
import { toArabicLetters, toMojibake, toPersianDigits, withStrayZwnj, withSurroundingSpaces } from './text-defects';

export type StudentRecord = {
  studentnum: string;
  nationalcode: string;
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

export type StudentBase = Omit<StudentRecord, 'codvaziayat' | 'vazeiyat' | 'degsdate' | 'term'>;

/** One student of a campus: the record's constant part and the status of every term they appear in. */
export type GeneratedStudent = { index: number; base: StudentBase; path: ReadonlyMap<number, string> };

export const STUDENT_STATUSES: Readonly<Record<string, string>> = {
  '1': 'در حال تحصیل',
  '2': 'مشروط',
  '3': 'مرخصی تحصیلی',
  '4': 'انصراف',
  '5': 'اخراج',
  '7': 'فارغ‌التحصیل',
};

const ENTRY_YEARS = 10;
const GRADES = [
  ['2', 'کارشناسی', 'دیپلم'],
  ['3', 'کارشناسی ارشد', 'کارشناسی'],
] as const;

// A term code is the last three digits of the Jalali year plus the term 1–3;
// termKey orders them (1402 term 3 comes before 1403 term 1).
export const parseTermCode = (term: string): { year: number; termNumber: number } | null => {
  const match = /^(\d{3})([123])$/.exec(term);
  return match ? { year: 1000 + Number(match[1]), termNumber: Number(match[2]) } : null;
};

export const termKey = (year: number, termNumber: number): number => year * 3 + termNumber - 1;

/** The Jalali year now, in Tehran (the gateway's calendar). */
export const currentJalaliYear = (now: Date = new Date()): number =>
  Number(new Intl.DateTimeFormat('en-u-ca-persian-nu-latn', { year: 'numeric', timeZone: 'Asia/Tehran' }).format(now).replace(/\D/g, ''));

// Defects sit at fixed student indexes, like the faculty generator's, so tests can predict them. A student
// with a bad national code has no other defect and is refused in every term they appear in.
export const studentDefectsAt = (index: number) => ({
  arabicLetters: index % 7 === 0,
  persianDigits: index % 11 === 3,
  strayWhitespace: index % 13 === 5,
  mojibake: index % 97 === 41,
  invalidNationalCode: index % 211 === 17,
});

// Regular terms are 1 and 2; the summer term 3 sits between 2 and the next year's 1.
const nextRegular = (key: number): number => (key % 3 === 0 ? key + 1 : key + 2);

const pathOf = (prng: Prng, entryKey: number, isBachelor: boolean): Map<number, string> => {
  const planned = isBachelor ? 6 + prng.int(3) : 4;
  const ending = prng.next();
  const [length, finalStatus] = ending < 0.25 ? [1 + prng.int(planned - 1), '4'] : ending < 0.29 ? [2 + prng.int(planned - 2), '5'] : [planned, '7'];
  const takesSummer = prng.next() < 0.2;
  const path = new Map<number, string>();
  let key = entryKey;
  for (let n = 1; n <= length; n += 1) {
    const roll = prng.next();
    path.set(key, n === length ? finalStatus : roll < 0.06 ? '2' : roll < 0.1 ? '3' : '1');
    if (n < length && key % 3 === 1 && takesSummer && prng.next() < 0.5) path.set(key + 1, '1');
    key = nextRegular(key);
  }
  return path;
};

const baseOf = (prng: Prng, campus: Campus, campusIndex: number, index: number, entryKey: number, isBachelor: boolean): StudentBase => {
  const first = prng.pick(FIRST_NAMES);
  const family = prng.pick(FAMILY_NAMES);
  const field = prng.pick(FIELDS);
  const [grade, gradname, lastDegree] = GRADES[isBachelor ? 0 : 1];
  const entryYear = Math.floor(entryKey / 3);
  const studentnum = `${entryYear % 1000}${(entryKey % 3) + 1}${campus.code}${String(index + 1).padStart(4, '0')}`;
  const defects = studentDefectsAt(index);
  const code = validNationalCode(20_000_000 + campusIndex * 100_000 + index);
  const phone = prng.pick(MOBILE_PREFIXES) + String(prng.int(10_000_000)).padStart(7, '0');
  let firstname = first.fa;
  let familyname = family.fa;
  if (defects.arabicLetters) [firstname, familyname] = [toArabicLetters(firstname), toArabicLetters(familyname)];
  if (defects.strayWhitespace) [firstname, familyname] = [withSurroundingSpaces(firstname), withStrayZwnj(familyname)];
  if (defects.mojibake) familyname = toMojibake(familyname);
  return {
    studentnum,
    nationalcode: defects.invalidNationalCode ? withWrongCheckDigit(code) : defects.persianDigits ? toPersianDigits(code) : code,
    firstname,
    familyname,
    firstnameeng: first.en,
    familynameeng: family.en,
    fathername: prng.pick(FIRST_NAMES.filter((f) => f.sex === 'male')).fa,
    birthdate: `${entryYear - 19 - prng.int(6)}/${String(1 + prng.int(12)).padStart(2, '0')}/${String(1 + prng.int(29)).padStart(2, '0')}`,
    birthplace: campus.city,
    city: campus.city,
    address: `${campus.city}، خیابان ${prng.pick(FAMILY_NAMES).fa}، پلاک ${1 + prng.int(120)}`,
    phonenum: defects.persianDigits ? toPersianDigits(phone) : phone,
    email: `${first.en.toLowerCase()}.${studentnum}@student.uni.ac.ir`,
    sex: first.sex === 'male' ? 'مرد' : 'زن',
    course: field.code,
    course_name: field.name,
    grade,
    gradname,
    last_degree: lastDegree,
    uniname: 'دانشگاه هم‌گام',
    sub_uniname: campus.name,
    sub_num: campus.code,
    provinceCode: String(campus.provinceId),
    code_Markaz: campus.code,
    province: campus.province,
  };
};

/**
 * The students of one campus: entries in terms 1 and 2 of the ten years up to `lastYear`, each studying a
 * few terms (summers for some) with a status per term — mostly studying, now and then on probation or
 * leave — and ending graduated, withdrawn or expelled in their last term. Deterministic per seed.
 */
export const generateCampusStudents = (campus: Campus, campusIndex: number, count: number, lastYear: number, seed: number): GeneratedStudent[] => {
  const prng = createPrng((seed * 7919 + Number(campus.code)) >>> 0);
  const students: GeneratedStudent[] = [];
  for (let index = 0; index < count; index += 1) {
    const entryKey = termKey(lastYear - ENTRY_YEARS + 1 + prng.int(ENTRY_YEARS), prng.next() < 0.7 ? 1 : 2);
    const isBachelor = prng.next() < 0.75;
    students.push({ index, base: baseOf(prng, campus, campusIndex, index, entryKey, isBachelor), path: pathOf(prng, entryKey, isBachelor) });
  }
  return students;
};

/** The gateway's record of a student in one term. */
export const studentInTerm = (student: GeneratedStudent, term: string, status: string): StudentRecord => {
  const parsed = parseTermCode(term);
  return {
    ...student.base,
    codvaziayat: status,
    vazeiyat: STUDENT_STATUSES[status] ?? '',
    degsdate: status === '7' && parsed ? `${parsed.year}/06/31` : '',
    term,
  };
};
