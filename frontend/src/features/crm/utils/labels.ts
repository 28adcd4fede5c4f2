import type { TFunction } from 'i18next';
import { formatDateTime, localizeDigits } from '../../../lib/format';

// Every helper here takes the `sources` namespace's `t` (no key prefix).

const camel = (field: string) => field.replace(/_([a-z])/g, (_match, letter: string) => letter.toUpperCase());

/** A CRM table's name ("contacts" → مخاطبان). */
export function crmTableLabel(t: TFunction, table: string): string {
  return t(`crm.records.${table}.label`, { defaultValue: table });
}

/** A CRM field as the records page heads it (student_number → the linked student number), else the page's own words. */
export function crmFieldLabel(t: TFunction, table: string, field: string): string {
  return t(`crm.records.${table}.columns.${camel(field)}`, { defaultValue: t(`crm.page.fields.${field}`, { defaultValue: field }) });
}

/** A coded value (a contact's stage) in words where the locale file has them, else as stored. */
export function crmValueLabel(t: TFunction, table: string, field: string, value: string): string {
  return t(`crm.records.${table}.values.${camel(field)}.${value}`, { defaultValue: value });
}

const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;

/** A value as the reader reads it: a time in their calendar, a code in their digits, a coded value in words. */
export function crmDisplayValue(t: TFunction, table: string, field: string, value: string, lng: string): string {
  if (ISO_TIME.test(value)) return formatDateTime(value, lng);
  if (/^[\d\s/+-]+$/.test(value)) return localizeDigits(value, lng);
  return crmValueLabel(t, table, field, value);
}

/**
 * A (mostly Persian) name kept in its own direction inside an English sentence, so the quotes around it do not flip.
 * Left alone in Persian, where names read in the sentence's own direction (and screen readers get the bare name).
 */
export const isolate = (text: string, lng: string) => (lng === 'fa' ? text : `\u2068${text}\u2069`);
