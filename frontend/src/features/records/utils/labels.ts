import type { TFunction } from 'i18next';
import { localizeDigits } from '../../../lib/format';

// Every helper here takes the `records` namespace's `t`.

/** A column's heading: the source's own wording first, then the field name itself. */
export function columnLabel(t: TFunction, sourceId: string, column: string): string {
  return t(`columns.${sourceId}.${column}`, { defaultValue: column });
}

/** Codes and numbers (student numbers, national codes, phones, dates) in the language's digits; other text as stored. */
export function displayValue(value: string, lng: string): string {
  return /^[\d\s/+-]+$/.test(value) ? localizeDigits(value, lng) : value;
}

/** "نیمسال اول ۱۴۰۵" / "Autumn 1405" for a term code such as 4051; the code itself when it is not one. */
export function termLabel(t: TFunction, code: string, lng: string): string {
  const match = /^(\d{3})([123])$/.exec(code);
  if (!match) return displayValue(code, lng);
  return t('terms.label', { part: t(`terms.part${match[2]}`), year: localizeDigits(String(1000 + Number(match[1])), lng) });
}
