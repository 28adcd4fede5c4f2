import type { TFunction } from 'i18next';
import { localizeDigits } from './format';

// Term codes are the last three digits of the Jalali year and the term: 1 autumn, 2 spring, 3 summer
// (backend/src/sources/students/students.terms.ts). Wherever a code reaches the UI it is shown decoded.
const TERM_CODE = /^(\d{3})([123])$/;

export function isTermCode(value: string): boolean {
  return TERM_CODE.test(value);
}

/** "نیمسال اول ۱۴۰۵" / "Autumn 1405" for a term code such as 4051; the code in the language's digits when it is not one. */
export function termLabel(t: TFunction, code: string, lng: string): string {
  const match = TERM_CODE.exec(code);
  if (!match) return localizeDigits(code, lng);
  return t('common:terms.label', { part: t(`common:terms.part${match[2]}`), year: localizeDigits(String(1000 + Number(match[1])), lng) });
}
