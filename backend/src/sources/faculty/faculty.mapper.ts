import { createHash } from 'node:crypto';
import { isValidNationalCode, normalizeMobile, normalizeNationalCode } from '../../common/national-code';
import { cleanPersianText, repairMojibake, toAsciiDigits } from '../../common/text/clean-text';
import { findProvinceName } from './province';

/** A faculty member after cleaning, as the repository stores it (natural key: nationalCode). */
export type CleanFacultyRecord = {
  nationalCode: string;
  professorCode: string | null;
  firstName: string;
  lastName: string;
  field: string | null;
  code: string | null;
  mobile: string | null;
  email: string | null;
  personnelId: string | null;
  campusCode: string | null;
  campusName: string | null;
  city: string | null;
  sex: string | null;
  scope: string | null;
  scopeId: string | null;
  provinceName: string | null;
  employState: string | null;
  employType: string | null;
  employTypeTitle: string | null;
  hireType: string | null;
  hireTypeTitle: string | null;
  /** sha1 of every other field: an equal hash means the stored row needs no update. */
  hash: string;
};

export type FacultyMapResult =
  | {
      ok: true;
      record: CleanFacultyRecord;
      /** Text whose mojibake was fully undone. */
      repaired: boolean;
      /** What was kept imperfect or dropped, naming fields, never their values. */
      warnings: string[];
    }
  | FacultyReject;

/** Why a faculty record is rejected: what `mapFacultyRecord` checks (the API's sentences are in faculty.source.ts). */
export const FACULTY_REJECT_CODES = ['not_an_object', 'missing_national_code', 'invalid_national_code', 'duplicate_national_code'] as const;
export type FacultyRejectCode = (typeof FACULTY_REJECT_CODES)[number];
/** `isRecordKey`: the key is a national code the data browser can find (a position or other id otherwise). */
export type FacultyReject = { ok: false; key: string; code: FacultyRejectCode; params?: { value: string }; isRecordKey: boolean };

type CleanFields = Omit<CleanFacultyRecord, 'hash'>;
type TextColumn = 'field' | 'campusName' | 'city' | 'sex' | 'scope' | 'employState' | 'employTypeTitle' | 'hireTypeTitle';
type CodeColumn = 'professorCode' | 'code' | 'personnelId' | 'campusCode' | 'scopeId' | 'employType' | 'hireType';

// Gateway field names, lower-cased: the gateway's casing is inconsistent (code_Markaz, scope_ID).
const TEXT_COLUMNS: Record<TextColumn, string> = {
  field: 'field',
  campusName: 'markaz',
  city: 'city',
  sex: 'sex',
  scope: 'scope',
  employState: 'employ_state',
  employTypeTitle: 'employtype_title',
  hireTypeTitle: 'estekhdamtype_title',
};
const CODE_COLUMNS: Record<CodeColumn, string> = {
  professorCode: 'professorcode',
  code: 'code',
  personnelId: 'personelid',
  campusCode: 'code_markaz',
  scopeId: 'scope_id',
  employType: 'employtype',
  hireType: 'estekhdamtype',
};
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const MAX_KEY_CHARS = 40;

/**
 * Turns one raw gateway record into a clean record, or a reject with a reason. `seen` holds the national
 * codes accepted earlier in the run: the first record with a code wins, later ones are rejected.
 * `position` (e.g. "page 3 #17") names a record that has no usable identifier.
 */
export function mapFacultyRecord(raw: unknown, seen: Set<string>, position = 'unknown record'): FacultyMapResult {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    return { ok: false, key: position, code: 'not_an_object', isRecordKey: false };
  }
  const source = new Map(Object.entries(raw).map(([name, value]) => [name.toLowerCase(), value]));
  const warnings: string[] = [];
  let repaired = false;

  const text = (column: string, rawName: string): string | null => {
    const value = scalar(source.get(rawName));
    if (value === null) return null;
    const repair = repairMojibake(value);
    if (repair.damaged && repair.repaired) repaired = true;
    if (repair.damaged && !repair.repaired) warnings.push(`${column}: damaged text kept as best repair`);
    return cleanPersianText(repair.text) || null;
  };
  const codeOf = (column: string, rawName: string): string | null => {
    const value = text(column, rawName);
    return value === null ? null : toAsciiDigits(value);
  };

  const rawNationalCode = codeOf('nationalCode', 'nationalcode');
  if (rawNationalCode === null) return { ok: false, key: fallbackKey(source, position), code: 'missing_national_code', isRecordKey: false };
  const nationalCode = normalizeNationalCode(rawNationalCode);
  if (nationalCode === null || !isValidNationalCode(nationalCode)) {
    const shown = (nationalCode ?? rawNationalCode).slice(0, MAX_KEY_CHARS);
    // Never stored, so the data browser has nothing under it.
    return { ok: false, key: shown, code: 'invalid_national_code', params: { value: shown }, isRecordKey: false };
  }
  // The first record with the code was stored: the data browser shows that one.
  if (seen.has(nationalCode)) return { ok: false, key: nationalCode, code: 'duplicate_national_code', isRecordKey: true };

  const firstName = text('firstName', 'name') ?? '';
  const lastName = text('lastName', 'family') ?? '';
  if (!firstName && !lastName) warnings.push('name: missing');

  const rawMobile = codeOf('mobile', 'mobile');
  const mobile = normalizeMobile(rawMobile);
  if (rawMobile !== null && mobile === null) warnings.push('mobile: not a mobile number, dropped');

  const rawEmail = text('email', 'email');
  const email = rawEmail !== null && EMAIL.test(rawEmail) ? rawEmail.toLowerCase() : null;
  if (rawEmail !== null && email === null) warnings.push('email: not an email address, dropped');

  const texts = mapColumns(TEXT_COLUMNS, (column, rawName) => text(column, rawName));
  const codes = mapColumns(CODE_COLUMNS, (column, rawName) => codeOf(column, rawName));
  const fields: CleanFields = {
    nationalCode,
    professorCode: codes.professorCode,
    firstName,
    lastName,
    field: texts.field,
    code: codes.code,
    mobile,
    email,
    personnelId: codes.personnelId,
    campusCode: codes.campusCode,
    campusName: texts.campusName,
    city: texts.city,
    sex: texts.sex,
    scope: texts.scope,
    scopeId: codes.scopeId,
    provinceName: findProvinceName(texts.scope),
    employState: texts.employState,
    employType: codes.employType,
    employTypeTitle: texts.employTypeTitle,
    hireType: codes.hireType,
    hireTypeTitle: texts.hireTypeTitle,
  };
  seen.add(nationalCode);
  return { ok: true, record: { ...fields, hash: hashFacultyFields(fields) }, repaired, warnings };
}

/** sha1 of the fields as JSON with sorted keys, so the hash does not depend on property order. */
export function hashFacultyFields(fields: CleanFields): string {
  const json = JSON.stringify(fields, Object.keys(fields).sort());
  return createHash('sha1').update(json).digest('hex');
}

function mapColumns<C extends string>(columns: Record<C, string>, read: (column: C, rawName: string) => string | null): Record<C, string | null> {
  const result = {} as Record<C, string | null>;
  for (const column of Object.keys(columns) as C[]) result[column] = read(column, columns[column]);
  return result;
}

// The gateway sends numbers for some codes and strings for others; anything else carries nothing we can store.
function scalar(value: unknown): string | null {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return null;
}

function fallbackKey(source: Map<string, unknown>, position: string): string {
  for (const [label, rawName] of [
    ['personnelId', 'personelid'],
    ['professorCode', 'professorcode'],
    ['id', 'id'],
  ]) {
    const value = scalar(source.get(rawName));
    const cleaned = value === null ? '' : toAsciiDigits(cleanPersianText(value));
    if (cleaned) return `${label}:${cleaned.slice(0, MAX_KEY_CHARS)}`;
  }
  return position;
}
