import { COMMON_PASSWORDS } from './common-passwords';
import { passwordProblem } from './password-policy';

describe('passwordProblem', () => {
  it('should accept a long password that is none of the refused kinds', () => {
    expect(passwordProblem('copper-lantern-41', 'sara')).toBeNull();
  });

  it('should refuse a password shorter than 12 characters, counting characters rather than bytes', () => {
    expect(passwordProblem('short-pass1', 'sara')).toBe('tooShort');
    expect(passwordProblem('گذرواژه‌ی‌من', 'sara')).toBeNull();
  });

  it('should refuse a password of whitespace only', () => {
    expect(passwordProblem(' '.repeat(12), 'sara')).toBe('blank');
    expect(passwordProblem('\t \n'.repeat(5), 'sara')).toBe('blank');
  });

  it('should refuse the username and a password containing it, whatever the case', () => {
    expect(passwordProblem('sara.ahmadi-2026', 'sara.ahmadi')).toBe('containsUsername');
    expect(passwordProblem('My-SARA-password', 'sara')).toBe('containsUsername');
  });

  it('should refuse a common password whatever its case', () => {
    expect(passwordProblem('Password1234', 'sara')).toBe('common');
    expect(passwordProblem('QWERTYUIOP123', 'sara')).toBe('common');
  });

  it('should hold only lower-case entries, so the case-insensitive lookup finds each', () => {
    expect([...COMMON_PASSWORDS].filter((entry) => entry !== entry.toLowerCase())).toEqual([]);
  });
});
