import { mapFacultyRecord, type CleanFacultyRecord, type FacultyMapResult } from './faculty.mapper';

function withCheckDigit(nine: string): string {
  const sum = [...nine].reduce((total, digit, i) => total + Number(digit) * (10 - i), 0);
  const remainder = sum % 11;
  return nine + String(remainder < 2 ? remainder : 11 - remainder);
}

const CODE = withCheckDigit('001234567');
const asMisdecoded = (text: string) => new TextDecoder('windows-1252').decode(Buffer.from(text, 'utf8'));

const raw = (patch: Record<string, unknown> = {}) => ({
  id: 1,
  professorCode: '20001',
  name: 'علي',
  family: ' كريمي ',
  field: 'مهندسی  کامپیوتر',
  code: '1101',
  mobile: '+98 912 123 4567',
  nationalcode: CODE,
  email: ' Ali.Karimi@Uni.AC.ir ',
  personelid: 510001,
  code_Markaz: '1110',
  markaz: 'واحد تهران مرکزی',
  city: 'تهران',
  sex: 'مرد',
  scope: 'استان تهران',
  scope_ID: 8,
  employ_state: 'شاغل',
  employtype: '1',
  employtype_title: 'هیئت علمی',
  estekhdamtype: 2,
  estekhdamtype_title: 'رسمی',
  ...patch,
});

function accepted(result: FacultyMapResult): Extract<FacultyMapResult, { ok: true }> {
  if (!result.ok) throw new Error(`expected a record, got a reject: ${result.code}`);
  return result;
}

describe('mapFacultyRecord', () => {
  it('should clean texts and map every field to its column when the record is complete', () => {
    const { record, warnings } = accepted(mapFacultyRecord(raw(), new Set()));

    expect(record).toEqual<CleanFacultyRecord>({
      nationalCode: CODE,
      professorCode: '20001',
      firstName: 'علی',
      lastName: 'کریمی',
      field: 'مهندسی کامپیوتر',
      code: '1101',
      mobile: '09121234567',
      email: 'ali.karimi@uni.ac.ir',
      personnelId: '510001',
      campusCode: '1110',
      campusName: 'واحد تهران مرکزی',
      city: 'تهران',
      sex: 'مرد',
      scope: 'استان تهران',
      scopeId: '8',
      provinceName: 'تهران',
      employState: 'شاغل',
      employType: '1',
      employTypeTitle: 'هیئت علمی',
      hireType: '2',
      hireTypeTitle: 'رسمی',
      hash: expect.stringMatching(/^[0-9a-f]{40}$/) as unknown as string,
    });
    expect(warnings).toEqual([]);
  });

  it('should read the national code when it has Persian digits or lost its leading zeros', () => {
    expect(accepted(mapFacultyRecord(raw({ nationalcode: '۰۰۱۲۳۴۵۶۷' + CODE[9] }), new Set())).record.nationalCode).toBe(CODE);
    expect(accepted(mapFacultyRecord(raw({ nationalcode: Number(CODE) }), new Set())).record.nationalCode).toBe(CODE);
  });

  it('should reject with a reason when the national code is missing', () => {
    for (const nationalcode of [undefined, null, '', '  ']) {
      expect(mapFacultyRecord(raw({ nationalcode }), new Set())).toEqual({
        ok: false,
        key: 'personnelId:510001',
        code: 'missing_national_code',
        isRecordKey: false,
      });
    }
  });

  it('should reject naming the code when the check digit is wrong', () => {
    const wrong = CODE.slice(0, 9) + String((Number(CODE[9]) + 1) % 10);

    expect(mapFacultyRecord(raw({ nationalcode: wrong }), new Set())).toEqual({
      ok: false,
      key: wrong,
      code: 'invalid_national_code',
      params: { value: wrong },
      isRecordKey: false,
    });
    expect(mapFacultyRecord(raw({ nationalcode: '12ab' }), new Set())).toEqual({
      ok: false,
      key: '12ab',
      code: 'invalid_national_code',
      params: { value: '12ab' },
      isRecordKey: false,
    });
  });

  it('should keep the first and reject later records when a national code repeats in a run', () => {
    const seen = new Set<string>();

    expect(mapFacultyRecord(raw(), seen).ok).toBe(true);
    expect(mapFacultyRecord(raw({ name: 'دیگری' }), seen)).toEqual({ ok: false, key: CODE, code: 'duplicate_national_code', isRecordKey: true });
  });

  it('should not count a rejected record as seen when its code was invalid', () => {
    const seen = new Set<string>();
    mapFacultyRecord(raw({ nationalcode: '' }), seen);

    expect(seen.size).toBe(0);
  });

  it('should reject with its position when the item is not an object', () => {
    expect(mapFacultyRecord('oops', new Set(), 'page 2 #5')).toEqual({ ok: false, key: 'page 2 #5', code: 'not_an_object', isRecordKey: false });
    expect(mapFacultyRecord(null, new Set(), 'page 2 #6')).toEqual({ ok: false, key: 'page 2 #6', code: 'not_an_object', isRecordKey: false });
  });

  it('should drop an invalid mobile or email with a warning when the record is otherwise fine', () => {
    const { record, warnings } = accepted(mapFacultyRecord(raw({ mobile: '021-88776655', email: 'nobody' }), new Set()));

    expect(record.mobile).toBeNull();
    expect(record.email).toBeNull();
    expect(warnings).toEqual(['mobile: not a mobile number, dropped', 'email: not an email address, dropped']);
  });

  it('should repair the name when it arrives as mojibake', () => {
    const result = accepted(mapFacultyRecord(raw({ name: asMisdecoded('فاطمه'), family: asMisdecoded('حسینی') }), new Set()));

    expect([result.record.firstName, result.record.lastName]).toEqual(['فاطمه', 'حسینی']);
    expect(result.repaired).toBe(true);
    expect(result.warnings).toEqual([]);
  });

  it('should keep the best repair with a warning when bytes of the name were lost', () => {
    const lost = asMisdecoded('فاطمه').replace(/\u0081/g, '');

    const result = accepted(mapFacultyRecord(raw({ name: lost }), new Set()));

    expect(result.record.firstName).toBe('\uFFFDاطمه');
    expect(result.warnings).toEqual(['firstName: damaged text kept as best repair']);
  });

  it('should give the same hash when the same data arrives in another shape', () => {
    const a = accepted(mapFacultyRecord(raw(), new Set())).record;
    const reordered = Object.fromEntries(Object.entries(raw({ name: 'علی', personelid: '510001', estekhdamtype: '2' })).reverse());
    const b = accepted(mapFacultyRecord(reordered, new Set())).record;

    expect(b.hash).toBe(a.hash);
  });

  it('should give another hash when any field changes', () => {
    const a = accepted(mapFacultyRecord(raw(), new Set())).record;
    const b = accepted(mapFacultyRecord(raw({ city: 'کرج' }), new Set())).record;

    expect(b.hash).not.toBe(a.hash);
  });

  it('should read fields whatever their casing when the gateway changes it', () => {
    const record = accepted(mapFacultyRecord({ NationalCode: CODE, Code_markaz: '1110', SCOPE_ID: 8 }, new Set())).record;

    expect([record.nationalCode, record.campusCode, record.scopeId]).toEqual([CODE, '1110', '8']);
  });

  it('should store empty names with a warning when the gateway sends none', () => {
    const result = accepted(mapFacultyRecord(raw({ name: undefined, family: '' }), new Set()));

    expect([result.record.firstName, result.record.lastName]).toEqual(['', '']);
    expect(result.warnings).toEqual(['name: missing']);
  });
});
