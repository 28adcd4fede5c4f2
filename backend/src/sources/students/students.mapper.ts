import { hash as digest } from 'node:crypto';
import { isValidNationalCode, normalizeMobile, normalizeNationalCode } from '../../common/national-code';
import { cleanPersianText, repairMojibake, toAsciiDigits } from '../../common/text/clean-text';
import { foldCleanText } from '../../sync/records/search-text';

/** A student after cleaning, as the repository stores it (natural key: studentNumber). */
export type CleanStudentRecord = {
  studentNumber: string;
  nationalCode: string | null;
  firstName: string;
  lastName: string;
  firstNameEn: string | null;
  lastNameEn: string | null;
  fatherName: string | null;
  statusCode: string | null;
  statusText: string | null;
  birthDate: string | null;
  birthPlace: string | null;
  city: string | null;
  address: string | null;
  mobile: string | null;
  email: string | null;
  sex: string | null;
  courseCode: string | null;
  courseName: string | null;
  grade: string | null;
  gradeName: string | null;
  graduationDate: string | null;
  lastDegree: string | null;
  universityName: string | null;
  campusName: string | null;
  subNumber: string | null;
  provinceCode: string | null;
  provinceName: string | null;
  /** The campus and term of the call that returned the record (not what the record says about itself). */
  campusCode: string;
  term: string;
  /** sha1 of every field above: an equal hash means the stored row needs no update. */
  hash: string;
  searchText: string;
};

type RawRecord = Record<string, unknown>;
export type StudentKeys = { studentNumber: string; nationalCode: string | null };
export type KeysResult = { ok: true; raw: RawRecord; keys: StudentKeys } | StudentReject;

/** Why a student record is rejected: what `readStudentKeys` checks (the API's sentences are in students.source.ts). */
export const STUDENT_REJECT_CODES = ['not_an_object', 'missing_student_number', 'invalid_student_number', 'invalid_national_code'] as const;
export type StudentRejectCode = (typeof STUDENT_REJECT_CODES)[number];
/** `isRecordKey`: the key is a student number the data browser can find (the student may be stored from another term). */
export type StudentReject = { ok: false; key: string; code: StudentRejectCode; params?: { value: string }; isRecordKey: boolean };
export type StudentMapResult = { record: CleanStudentRecord; repaired: boolean; warnings: string[] };

// Column → gateway field as documented. Texts are cleaned as Persian text; codes also get ASCII digits.
const TEXTS = {
  firstName: 'firstname',
  lastName: 'familyname',
  firstNameEn: 'firstnameeng',
  lastNameEn: 'familynameeng',
  fatherName: 'fathername',
  statusText: 'vazeiyat',
  birthPlace: 'birthplace',
  city: 'city',
  address: 'address',
  sex: 'sex',
  courseName: 'course_name',
  gradeName: 'gradname',
  lastDegree: 'last_degree',
  universityName: 'uniname',
  campusName: 'sub_uniname',
  provinceName: 'province',
} as const;
const CODES = {
  statusCode: 'codvaziayat',
  birthDate: 'birthdate',
  courseCode: 'course',
  grade: 'grade',
  graduationDate: 'degsdate',
  subNumber: 'sub_num',
  provinceCode: 'provinceCode',
} as const;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const STUDENT_NUMBER = /^\d{4,20}$/;
const MAX_KEY_CHARS = 40;
// Text that cleaning and mojibake repair leave exactly as it is: printable ASCII and the Persian letters,
// digits and punctuation, single inner spaces. Most gateway text is like this, so the regex-heavy cleaning is
// skipped for it (the mapper's tests check both paths agree).
// A ZWNJ between two Persian letters is kept by cleaning too ("هم‌گام").
const ALREADY_CLEAN =
  /^(?:[\x20-\x7E\u0621-\u063A\u0641\u0642\u0644-\u0648\u067E\u0686\u0698\u06A9\u06AF\u06C0\u06CC\u06F0-\u06F9\u0660-\u0669\u060C\u061B\u061F]|(?<=[\u0621-\u063A\u0641\u0642\u0644-\u0648\u067E\u0686\u0698\u06A9\u06AF\u06C0\u06CC])\u200C(?=[\u0621-\u063A\u0641\u0642\u0644-\u0648\u067E\u0686\u0698\u06A9\u06AF\u06C0\u06CC]))*$/;
const NON_ASCII_DIGIT = /[\u0660-\u0669\u06F0-\u06F9]/;
const SPACING_TO_CLEAN = /^ | $| {2}/;

/** Cleans one text the way faculty texts are cleaned (mojibake repaired, Persian letters, spacing). */
export function cleanText(value: string): { text: string; damaged: boolean; repaired: boolean } {
  if (ALREADY_CLEAN.test(value) && !SPACING_TO_CLEAN.test(value)) return { text: value, damaged: false, repaired: false };
  const repair = repairMojibake(value);
  return { text: cleanPersianText(repair.text), damaged: repair.damaged, repaired: repair.damaged && repair.repaired };
}

/** The cheap checks every record gets: an object, a usable student number, a valid national code when one is sent. */
export function readStudentKeys(item: unknown, position: string): KeysResult {
  if (typeof item !== 'object' || item === null || Array.isArray(item)) return { ok: false, key: position, code: 'not_an_object', isRecordKey: false };
  const raw = item as RawRecord;
  const rawNumber = scalar(field(raw, 'studentnum'));
  const studentNumber = rawNumber === null ? '' : asciiDigits(cleanText(rawNumber).text).replace(/\s/g, '');
  if (studentNumber === '') return { ok: false, key: position, code: 'missing_student_number', isRecordKey: false };
  if (!STUDENT_NUMBER.test(studentNumber)) {
    const shown = studentNumber.slice(0, MAX_KEY_CHARS);
    return { ok: false, key: shown, code: 'invalid_student_number', params: { value: shown }, isRecordKey: false };
  }
  const rawCode = scalar(field(raw, 'nationalcode'));
  if (rawCode === null || rawCode.trim() === '') return { ok: true, raw, keys: { studentNumber, nationalCode: null } };
  const nationalCode = normalizeNationalCode(asciiDigits(cleanText(rawCode).text));
  if (nationalCode === null || !isValidNationalCode(nationalCode)) {
    const value = (nationalCode ?? rawCode).slice(0, MAX_KEY_CHARS);
    return { ok: false, key: studentNumber, code: 'invalid_national_code', params: { value }, isRecordKey: true };
  }
  return { ok: true, raw, keys: { studentNumber, nationalCode } };
}

/** The status of the term, cleaned: all the history table needs from a record an older term than the stored one. */
export function readStatus(raw: RawRecord): { statusCode: string | null; statusText: string | null } {
  return { statusCode: code(scalar(field(raw, CODES.statusCode))), statusText: text(scalar(field(raw, TEXTS.statusText))) };
}

/** The whole record, cleaned, for a record that will be stored. */
export function mapStudentRecord(raw: RawRecord, keys: StudentKeys, campusCode: string, term: string): StudentMapResult {
  const warnings: string[] = [];
  let repaired = false;
  const cleanField = (column: string, name: string): string | null => {
    const value = scalar(field(raw, name));
    if (value === null) return null;
    const cleaned = cleanText(value);
    if (cleaned.repaired) repaired = true;
    else if (cleaned.damaged) warnings.push(`${column}: damaged text kept as best repair`);
    return cleaned.text || null;
  };
  const codeField = (name: string): string | null => code(scalar(field(raw, name)));

  const firstName = cleanField('firstName', TEXTS.firstName) ?? '';
  const lastName = cleanField('lastName', TEXTS.lastName) ?? '';
  if (!firstName && !lastName) warnings.push('name: missing');
  const rawMobile = codeField('phonenum');
  const mobile = normalizeMobile(rawMobile);
  if (rawMobile !== null && mobile === null) warnings.push('mobile: not a mobile number, dropped');
  const rawEmail = text(scalar(field(raw, 'email')));
  const email = rawEmail !== null && EMAIL.test(rawEmail) ? rawEmail.toLowerCase() : null;
  if (rawEmail !== null && email === null) warnings.push('email: not an email address, dropped');

  const record: CleanStudentRecord = {
    studentNumber: keys.studentNumber,
    nationalCode: keys.nationalCode,
    firstName,
    lastName,
    firstNameEn: cleanField('firstNameEn', TEXTS.firstNameEn),
    lastNameEn: cleanField('lastNameEn', TEXTS.lastNameEn),
    fatherName: cleanField('fatherName', TEXTS.fatherName),
    statusCode: codeField(CODES.statusCode),
    statusText: cleanField('statusText', TEXTS.statusText),
    birthDate: codeField(CODES.birthDate),
    birthPlace: cleanField('birthPlace', TEXTS.birthPlace),
    city: cleanField('city', TEXTS.city),
    address: cleanField('address', TEXTS.address),
    mobile,
    email,
    sex: cleanField('sex', TEXTS.sex),
    courseCode: codeField(CODES.courseCode),
    courseName: cleanField('courseName', TEXTS.courseName),
    grade: codeField(CODES.grade),
    gradeName: cleanField('gradeName', TEXTS.gradeName),
    graduationDate: codeField(CODES.graduationDate),
    lastDegree: cleanField('lastDegree', TEXTS.lastDegree),
    universityName: cleanField('universityName', TEXTS.universityName),
    campusName: cleanField('campusName', TEXTS.campusName),
    subNumber: codeField(CODES.subNumber),
    provinceCode: codeField(CODES.provinceCode),
    provinceName: cleanField('provinceName', TEXTS.provinceName),
    campusCode,
    term,
    hash: '',
    searchText: '',
  };
  // Every field in a fixed order (the last two are these two), null told apart from "": equal text means nothing changed.
  let hashed = '';
  for (const value of Object.values(record)) hashed += value === null ? '\u0000\u0001' : `${value}\u0001`;
  record.hash = digest('sha1', hashed);
  record.searchText = foldCleanText(`${keys.studentNumber}|${keys.nationalCode ?? ''}|${firstName} ${lastName}`);
  return { record, repaired, warnings };
}

function text(value: string | null): string | null {
  return value === null ? null : cleanText(value).text || null;
}

function code(value: string | null): string | null {
  const cleaned = text(value);
  return cleaned === null ? null : asciiDigits(cleaned);
}

function asciiDigits(value: string): string {
  return NON_ASCII_DIGIT.test(value) ? toAsciiDigits(value) : value;
}

// The gateway's casing is inconsistent (code_Markaz, provinceCode): the documented spelling first, any casing after.
function field(raw: RawRecord, name: string): unknown {
  if (name in raw) return raw[name];
  const lower = name.toLowerCase();
  for (const key of Object.keys(raw)) if (key.toLowerCase() === lower) return raw[key];
  return undefined;
}

function scalar(value: unknown): string | null {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return null;
}
