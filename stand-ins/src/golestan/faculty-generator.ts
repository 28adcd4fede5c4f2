import { createPrng } from '../common/prng';
import { CAMPUSES, EMPLOY_TYPES, ESTEKHDAM_TYPES, FAMILY_NAMES, FIELDS, FIRST_NAMES, MOBILE_PREFIXES } from './golestan-pools';
import { validNationalCode, withWrongCheckDigit } from './national-code';
import { toArabicIndicDigits, toArabicLetters, toMojibake, toPersianDigits, withDoubleSpace, withStrayZwnj, withSurroundingSpaces } from './text-defects';

export type FacultyRecord = {
  id: number;
  professorCode: string;
  name: string;
  family: string;
  field: string;
  code: string;
  mobile: string;
  nationalcode: string;
  email: string;
  personelid: string;
  code_Markaz: string;
  markaz: string;
  city: string;
  sex: string;
  scope: string;
  scope_ID: number;
  employ_state: string;
  employtype: string;
  employtype_title: string;
  estekhdamtype: string;
  estekhdamtype_title: string;
};

export const FACULTY_DEFECTS = [
  'arabic-letters',
  'persian-digits',
  'arabic-indic-digits',
  'stray-whitespace',
  'mojibake',
  'invalid-national-code',
  'empty-national-code',
] as const;

export type FacultyDefect = (typeof FACULTY_DEFECTS)[number];

// Defects sit at fixed positions (0-based index in the generated list) so tests
// can predict exact counts; the rules are chosen so that no row with a bad or
// empty national code carries another defect.
export const facultyDefectsAt = (index: number): FacultyDefect[] => {
  const defects: FacultyDefect[] = [];
  if (index % 5 === 0) defects.push('arabic-letters');
  if (index % 20 === 3 || index % 20 === 7) defects.push('persian-digits');
  if (index % 20 === 11) defects.push('arabic-indic-digits');
  if (index % 10 === 4) defects.push('stray-whitespace');
  if (index % 50 === 17) defects.push('mojibake');
  if (index % 50 === 29) defects.push('invalid-national-code');
  if (index % 100 === 41) defects.push('empty-national-code');
  return defects;
};

// Tests that add records should use validNationalCode() with numbers below
// 1,000,000 to stay clear of the generated ones.
export const facultyNationalCodeSeed = (seed: number, index: number): number => seed * 1_000_000 + index;

const recordSeed = (seed: number, index: number): number => (Math.imul(seed, 0x9e3779b1) ^ Math.imul(index + 1, 0x85ebca77)) >>> 0;

const hasYehOrKaf = (text: string): boolean => /[یک]/.test(text);

const digits = (count: number, next: (max: number) => number): string => Array.from({ length: count }, () => String(next(10))).join('');

export const generateCleanFacultyRecord = (index: number, seed: number, needsYehOrKaf = false): FacultyRecord => {
  const prng = createPrng(recordSeed(seed, index));
  const sex = prng.next() < 0.7 ? 'male' : 'female';
  const firstNames = FIRST_NAMES.filter((n) => n.sex === sex && (!needsYehOrKaf || hasYehOrKaf(n.fa)));
  const familyNames = FAMILY_NAMES.filter((n) => !needsYehOrKaf || hasYehOrKaf(n.fa));
  const first = prng.pick(firstNames);
  const family = prng.pick(familyNames);
  const field = prng.pick(FIELDS);
  const campus = prng.pick(CAMPUSES);
  const [employtype, employtypeTitle] = prng.pick(EMPLOY_TYPES);
  const [estekhdamtype, estekhdamtypeTitle] = prng.pick(ESTEKHDAM_TYPES);
  const personelid = String(510_000 + index);
  return {
    id: index + 1,
    professorCode: String(20_000 + index),
    name: first.fa,
    family: family.fa,
    field: field.name,
    code: field.code,
    mobile: prng.pick(MOBILE_PREFIXES) + digits(7, prng.int),
    nationalcode: validNationalCode(facultyNationalCodeSeed(seed, index)),
    email: `${first.en.toLowerCase()}.${family.en.toLowerCase()}.${personelid}@uni.ac.ir`,
    personelid,
    code_Markaz: campus.code,
    markaz: campus.name,
    city: campus.city,
    sex: sex === 'male' ? 'مرد' : 'زن',
    scope: campus.scope,
    scope_ID: campus.provinceId,
    employ_state: prng.next() < 0.9 ? 'شاغل' : 'بازنشسته',
    employtype,
    employtype_title: employtypeTitle,
    estekhdamtype,
    estekhdamtype_title: estekhdamtypeTitle,
  };
};

const applyDefect = (record: FacultyRecord, defect: FacultyDefect): FacultyRecord => {
  switch (defect) {
    case 'arabic-letters':
      return { ...record, name: toArabicLetters(record.name), family: toArabicLetters(record.family) };
    case 'persian-digits':
      return { ...record, nationalcode: toPersianDigits(record.nationalcode), mobile: toPersianDigits(record.mobile) };
    case 'arabic-indic-digits':
      return {
        ...record,
        nationalcode: toArabicIndicDigits(record.nationalcode),
        mobile: toArabicIndicDigits(record.mobile),
      };
    case 'stray-whitespace':
      return {
        ...record,
        name: withStrayZwnj(record.name),
        family: withSurroundingSpaces(record.family),
        field: withDoubleSpace(record.field),
      };
    case 'mojibake':
      return { ...record, name: toMojibake(record.name), family: toMojibake(record.family) };
    case 'invalid-national-code':
      return { ...record, nationalcode: withWrongCheckDigit(record.nationalcode) };
    case 'empty-national-code':
      return { ...record, nationalcode: '' };
  }
};

export const generateFacultyRecord = (index: number, seed: number): FacultyRecord => {
  const defects = facultyDefectsAt(index);
  const clean = generateCleanFacultyRecord(index, seed, defects.includes('arabic-letters'));
  return defects.reduce(applyDefect, clean);
};

export const generateFaculty = (count: number, seed: number): FacultyRecord[] =>
  Array.from({ length: count }, (_, index) => generateFacultyRecord(index, seed));
