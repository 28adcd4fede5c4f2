import { isValidNationalCode, nationalCodeCheckDigit, validNationalCode, withWrongCheckDigit } from './national-code';

describe('national codes', () => {
  it('should compute the mod-11 check digit when given a known real-format code', () => {
    // 0499370899: sum = 0*10+4*9+9*8+9*7+3*6+7*5+0*4+8*3+9*2 = 266, 266 % 11 = 2, check = 9
    expect(nationalCodeCheckDigit('049937089')).toBe(9);
    expect(isValidNationalCode('0499370899')).toBe(true);
  });

  it('should return distinct valid 10-digit codes when given different seed numbers', () => {
    const codes = Array.from({ length: 5000 }, (_, n) => validNationalCode(n));
    expect(new Set(codes).size).toBe(codes.length);
    for (const code of codes) {
      expect(code).toMatch(/^\d{10}$/);
      expect(isValidNationalCode(code)).toBe(true);
      expect(code).not.toMatch(/^(\d)\1{9}$/);
    }
  });

  it('should return the same code when given the same seed number twice', () => {
    expect(validNationalCode(42)).toBe(validNationalCode(42));
  });

  it('should fail the check when the check digit is changed', () => {
    const code = validNationalCode(7);
    expect(isValidNationalCode(withWrongCheckDigit(code))).toBe(false);
  });

  it('should throw when the seed number is negative or fractional', () => {
    expect(() => validNationalCode(-1)).toThrow(RangeError);
    expect(() => validNationalCode(1.5)).toThrow(RangeError);
  });
});
