import { cleanDigits, toAsciiDigits } from './text/clean-text';

/** An Iranian national code: 10 digits, not all the same, whose last digit is the mod-11 check digit. */
export function isValidNationalCode(code: string): boolean {
  const digits = toAsciiDigits(code);
  if (!/^\d{10}$/.test(digits) || /^(\d)\1{9}$/.test(digits)) return false;
  let sum = 0;
  for (let i = 0; i < 9; i += 1) sum += Number(digits[i]) * (10 - i);
  const remainder = sum % 11;
  const check = Number(digits[9]);
  return remainder < 2 ? check === remainder : check === 11 - remainder;
}

/**
 * ASCII digits, left-padded to 10, or null when the value cannot be a national code. The check digit is
 * not verified here, so a caller can tell "missing" from "invalid" (see `isValidNationalCode`).
 */
export function normalizeNationalCode(raw: string | number | null | undefined): string | null {
  const digits = digitsOf(raw);
  // The gateway sometimes sends the code as a number, which drops the leading zeros of codes such as 0012345679.
  if (digits === null || !/^\d{8,10}$/.test(digits)) return null;
  return digits.padStart(10, '0');
}

/** A mobile number as `09` + 9 digits, accepting +98 / 0098 / 98 prefixes, a missing leading zero and Persian digits. */
export function normalizeMobile(raw: string | number | null | undefined): string | null {
  const digits = digitsOf(raw)?.replace(/^\+/, '');
  if (!digits) return null;
  const national = digits.startsWith('0098')
    ? '0' + digits.slice(4)
    : digits.startsWith('98') && digits.length === 12
      ? '0' + digits.slice(2)
      : digits.startsWith('9') && digits.length === 10
        ? '0' + digits
        : digits;
  return /^09\d{9}$/.test(national) ? national : null;
}

export function isValidMobile(raw: string | number | null | undefined): boolean {
  return normalizeMobile(raw) !== null;
}

function digitsOf(raw: string | number | null | undefined): string | null {
  if (typeof raw === 'number') return Number.isSafeInteger(raw) && raw >= 0 ? String(raw) : null;
  if (typeof raw !== 'string') return null;
  return cleanDigits(raw).replace(/[()]/g, '');
}
