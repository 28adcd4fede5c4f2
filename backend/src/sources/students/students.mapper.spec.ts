import { repairMojibake, cleanPersianText } from '../../common/text/clean-text';
import { cleanText, mapStudentRecord, readStatus, readStudentKeys } from './students.mapper';

function withCheckDigit(nine: string): string {
  const sum = [...nine].reduce((total, digit, i) => total + Number(digit) * (10 - i), 0);
  const remainder = sum % 11;
  return nine + String(remainder < 2 ? remainder : 11 - remainder);
}

const CODE = withCheckDigit('001234567');
const asMisdecoded = (text: string) => new TextDecoder('windows-1252').decode(Buffer.from(text, 'utf8'));

const raw = (patch: Record<string, unknown> = {}): Record<string, unknown> => ({
  studentnum: '40211110001',
  nationalcode: CODE,
  firstname: 'علي',
  familyname: ' كريمي ',
  firstnameeng: 'Ali',
  familynameeng: 'Karimi',
  fathername: 'حسین',
  codvaziayat: '1',
  vazeiyat: 'در حال تحصیل',
  birthdate: '۱۳۸۲/۰۵/۱۲',
  phonenum: '+98 912 123 4567',
  email: ' Ali@Student.Uni.AC.ir ',
  course_name: 'مهندسی  کامپیوتر',
  provinceCode: 8,
  province: 'تهران',
  term: '4021',
  ...patch,
});

function keysOf(item: unknown) {
  const result = readStudentKeys(item, 'page 1 #1');
  if (!result.ok) throw new Error(`expected keys, got: ${result.code}`);
  return result;
}

describe('readStudentKeys', () => {
  it('should read the student number and national code when both are usable', () => {
    expect(keysOf(raw()).keys).toEqual({ studentNumber: '40211110001', nationalCode: CODE });
    expect(keysOf(raw({ studentnum: '۴۰۲۱۱۱۱۰۰۰۱', nationalcode: Number(CODE) })).keys).toEqual({ studentNumber: '40211110001', nationalCode: CODE });
  });

  it('should accept a record without a national code when the gateway sends none', () => {
    expect(keysOf(raw({ nationalcode: '' })).keys.nationalCode).toBeNull();
    expect(keysOf(raw({ nationalcode: undefined })).keys.nationalCode).toBeNull();
  });

  it('should reject with a reason when the student number is missing or not a number', () => {
    expect(readStudentKeys(raw({ studentnum: ' ' }), 'p1 #3')).toEqual({ ok: false, key: 'p1 #3', code: 'missing_student_number', isRecordKey: false });
    expect(readStudentKeys(raw({ studentnum: 'A-12' }), 'p1 #3')).toEqual({
      ok: false,
      key: 'A-12',
      code: 'invalid_student_number',
      params: { value: 'A-12' },
      isRecordKey: false,
    });
    expect(readStudentKeys('oops', 'p1 #4')).toEqual({ ok: false, key: 'p1 #4', code: 'not_an_object', isRecordKey: false });
  });

  it('should reject naming the code when the national code check digit is wrong', () => {
    const wrong = CODE.slice(0, 9) + String((Number(CODE[9]) + 1) % 10);
    expect(readStudentKeys(raw({ nationalcode: wrong }), 'p1 #1')).toEqual({
      ok: false,
      key: '40211110001',
      code: 'invalid_national_code',
      params: { value: wrong },
      isRecordKey: true,
    });
  });
});

describe('mapStudentRecord', () => {
  it('should clean texts, digits, mobile and email when the record is complete', () => {
    const { raw: item, keys } = keysOf(raw());
    const { record, warnings } = mapStudentRecord(item, keys, '1110', '4021');

    expect(record).toMatchObject({
      studentNumber: '40211110001',
      firstName: 'علی',
      lastName: 'کریمی',
      statusCode: '1',
      statusText: 'در حال تحصیل',
      birthDate: '1382/05/12',
      mobile: '09121234567',
      email: 'ali@student.uni.ac.ir',
      courseName: 'مهندسی کامپیوتر',
      provinceCode: '8',
      campusCode: '1110',
      term: '4021',
      searchText: `40211110001|${CODE}|علیکریمی`,
    });
    expect(record.hash).toMatch(/^[0-9a-f]{40}$/);
    expect(warnings).toEqual([]);
  });

  it('should take the campus and term of the call when the record says otherwise', () => {
    const { raw: item, keys } = keysOf(raw({ term: '3991', code_Markaz: '9999' }));
    expect(mapStudentRecord(item, keys, '1120', '4022').record).toMatchObject({ campusCode: '1120', term: '4022' });
  });

  it('should repair mojibake and warn about dropped fields when the text is damaged', () => {
    const { raw: item, keys } = keysOf(raw({ familyname: asMisdecoded('حسینی'), phonenum: '021-88776655', email: 'nobody' }));
    const result = mapStudentRecord(item, keys, '1110', '4021');

    expect(result.record.lastName).toBe('حسینی');
    expect(result.repaired).toBe(true);
    expect(result.warnings).toEqual(['mobile: not a mobile number, dropped', 'email: not an email address, dropped']);
  });

  it('should give the same hash when the same data comes in another shape and another when a field changes', () => {
    const hashOf = (item: Record<string, unknown>) => {
      const { raw: r, keys } = keysOf(item);
      return mapStudentRecord(r, keys, '1110', '4021').record.hash;
    };
    const reordered = Object.fromEntries(Object.entries(raw({ firstname: 'علی', provinceCode: '8' })).reverse());

    expect(hashOf(reordered)).toBe(hashOf(raw()));
    expect(hashOf(raw({ codvaziayat: '7' }))).not.toBe(hashOf(raw()));
  });

  it('should read fields whatever their casing when the gateway changes it', () => {
    const { raw: item, keys } = keysOf({ StudentNum: '40211110001', FirstName: 'رضا', PROVINCECODE: '5' });
    expect(mapStudentRecord(item, keys, '1110', '4021').record).toMatchObject({ firstName: 'رضا', provinceCode: '5' });
  });
});

describe('readStatus', () => {
  it('should clean the status code and text when only the status is needed', () => {
    expect(readStatus({ codvaziayat: '۷', vazeiyat: ' فارغ‌التحصيل ' })).toEqual({ statusCode: '7', statusText: 'فارغ‌التحصیل' });
  });
});

describe('cleanText', () => {
  const slow = (value: string) => cleanPersianText(repairMojibake(value).text);

  it('should give what the full cleaning gives when the text takes the fast path or not', () => {
    const samples = [
      'علی',
      'مهندسی کامپیوتر',
      'Ali Karimi',
      'علي',
      'كريمي',
      ' فاطمه',
      'زهرا  ',
      'محمد\u200cرضا',
      '\u200cرضا',
      'آزاده',
      'تهران، خیابان ۱۲',
      'a\tb',
      'ﻋﻠﻰ',
      asMisdecoded('حسینی'),
      'café',
      'x\u0640y',
      '',
      ' ',
      'a\u00a0b',
      'ع\u064Eلی',
      'دانشگاه هم‌گام',
      'ی\u200c ب',
      'a\u200cb',
      'گ\u200c\u200cا',
      'فارغ‌التحصیل',
    ];
    for (const value of samples) expect(cleanText(value).text).toBe(slow(value));
  });
});
