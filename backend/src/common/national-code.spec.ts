import { isValidMobile, isValidNationalCode, normalizeMobile, normalizeNationalCode } from './national-code';

// Builds a valid code from nine digits with the mod-11 rule, independently of the code under test.
function withCheckDigit(nine: string): string {
  const sum = [...nine].reduce((total, digit, i) => total + Number(digit) * (10 - i), 0);
  const remainder = sum % 11;
  return nine + String(remainder < 2 ? remainder : 11 - remainder);
}

const PERSIAN = '۰۱۲۳۴۵۶۷۸۹';
const toPersian = (s: string) => s.replace(/\d/g, (d) => PERSIAN[Number(d)]);

describe('isValidNationalCode', () => {
  it('should accept a code when its check digit matches', () => {
    for (const nine of ['001234567', '123456789', '498765432', '000000123']) {
      expect(isValidNationalCode(withCheckDigit(nine))).toBe(true);
    }
  });

  it('should accept a code when it is written in Persian digits', () => {
    expect(isValidNationalCode(toPersian(withCheckDigit('123456789')))).toBe(true);
  });

  it('should reject a code when its check digit is wrong', () => {
    const valid = withCheckDigit('123456789');
    const wrong = valid.slice(0, 9) + String((Number(valid[9]) + 1) % 10);
    expect(isValidNationalCode(wrong)).toBe(false);
  });

  it('should reject a code when all its digits are the same', () => {
    expect(isValidNationalCode('1111111111')).toBe(false);
    expect(isValidNationalCode('0000000000')).toBe(false);
  });

  it('should reject a code when it is not exactly ten digits', () => {
    expect(isValidNationalCode(withCheckDigit('123456789').slice(1))).toBe(false);
    expect(isValidNationalCode('12345678901')).toBe(false);
    expect(isValidNationalCode('12345a7890')).toBe(false);
    expect(isValidNationalCode('')).toBe(false);
  });
});

describe('normalizeNationalCode', () => {
  it('should pad with zeros when the gateway dropped the leading zeros', () => {
    const code = withCheckDigit('001234567');
    expect(normalizeNationalCode(code.slice(2))).toBe(code);
    expect(normalizeNationalCode(Number(code))).toBe(code);
    expect(isValidNationalCode(normalizeNationalCode(code.slice(1))!)).toBe(true);
  });

  it('should convert digits and strip separators when the code is formatted', () => {
    expect(normalizeNationalCode(' ۰۰۱-۲۳۴۵۶۷-۸ ')).toBe('0012345678');
    expect(normalizeNationalCode('٠٠١٢٣٤٥٦٧٨')).toBe('0012345678');
  });

  it('should return null when the value cannot be a national code', () => {
    for (const raw of ['', '1234567', '12345678901', 'abc', null, undefined, -12345678, 1.5]) {
      expect(normalizeNationalCode(raw)).toBeNull();
    }
  });
});

describe('normalizeMobile', () => {
  it('should return 09 and nine digits when the number has a country prefix', () => {
    for (const raw of ['09121234567', '+989121234567', '00989121234567', '989121234567', '+98 912 123 4567']) {
      expect(normalizeMobile(raw)).toBe('09121234567');
    }
  });

  it('should accept Persian digits and a dropped leading zero when the gateway sends them', () => {
    expect(normalizeMobile('۰۹۱۲۱۲۳۴۵۶۷')).toBe('09121234567');
    expect(normalizeMobile(9121234567)).toBe('09121234567');
    expect(normalizeMobile('(0912) 123-4567')).toBe('09121234567');
  });

  it('should return null when the number is a landline, too short or not a number', () => {
    for (const raw of ['02112345678', '0912123456', '091212345678', 'none', '', null]) {
      expect(normalizeMobile(raw)).toBeNull();
      expect(isValidMobile(raw)).toBe(false);
    }
  });
});
