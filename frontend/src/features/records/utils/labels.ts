import type { TFunction } from 'i18next';
import { localizeDigits } from '../../../lib/format';

// Every helper here takes the `records` namespace's `t`.

/** A column's heading from the source's locale file (`records.<table>.columns`), else the field name itself. */
export function columnLabel(t: TFunction, sourceId: string, table: string, column: string): string {
  return t(`sources:${sourceId}.records.${table}.columns.${column}`, { defaultValue: column });
}

/** The key column's heading (student number, course id …), else a plain "Key". */
export function keyLabel(t: TFunction, sourceId: string, table: string): string {
  return t(`sources:${sourceId}.records.${table}.key`, { defaultValue: t('columns.key') });
}

/** A coded value (a course's activity level) in words where the source's locale file has them, else as stored. */
export function valueLabel(t: TFunction, sourceId: string, table: string, column: string, value: string, lng: string): string {
  return t(`sources:${sourceId}.records.${table}.values.${column}.${value}`, { defaultValue: displayValue(value, lng) });
}

/** Codes and numbers (student numbers, national codes, phones, dates) in the language's digits; other text as stored. */
export function displayValue(value: string, lng: string): string {
  return /^[\d\s/+-]+$/.test(value) ? localizeDigits(value, lng) : value;
}

// A full ISO-8601 time with its zone (what the server writes for times): never a code or a number.
const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/;

/** Whether a stored value is a time (a CRM record's server time, an interaction's time) to show in the reader's calendar. */
export function isDateTime(value: string): boolean {
  return ISO_DATE_TIME.test(value);
}
