import type { TFunction } from 'i18next';
import { SECRET_CHANGED, type SettingChange } from '@hamgam/shared';
import { formatNumber, localizeDigits } from '../../../lib/format';

export type ListChange = { added: unknown[]; removed: unknown[] };

export function isSecretChange(change: SettingChange): change is typeof SECRET_CHANGED {
  return change === SECRET_CHANGED;
}

export function isListChange(change: SettingChange): change is ListChange {
  return typeof change === 'object' && change !== null && 'added' in change && 'removed' in change;
}

/** `source:students` → `students`; null for any other target. */
export function sourceIdOf(target: string | null): string | null {
  return target?.startsWith('source:') ? target.slice('source:'.length) : null;
}

/** A changed field's name as the settings dialog words it: options and connection fields from the source's texts. */
export function fieldLabel(t: TFunction, path: string, sourceId: string | null): string {
  const [group, ...rest] = path.split('.');
  const name = rest.join('.');
  if (group === 'options' && sourceId) return t(`sources:${sourceId}.options.${name}`, { defaultValue: name });
  if (group === 'connection') return t([`connections:form.${name}`, ...(sourceId ? [`sources:${sourceId}.connection.${name}`] : [])], { defaultValue: name });
  return t(`audit:fields.${path}`, { defaultValue: path });
}

// The Iranian week starts on Saturday, as the quiet window's day checkboxes do.
const WEEK_ORDER = [6, 0, 1, 2, 3, 4, 5];

function inReadingOrder(path: string, items: unknown[]): unknown[] {
  if (path !== 'autoSync.quietWindow.days') return items;
  return [...items].sort((a, b) => WEEK_ORDER.indexOf(Number(a)) - WEEK_ORDER.indexOf(Number(b)));
}

/**
 * The lines a list change reads as: simple items (weekdays) together on one line, records (a campus) one line
 * each, as the campuses tab lists them.
 */
export function listLines(t: TFunction, path: string, items: unknown[], lng: string): string[] {
  if (items.length === 0) return [];
  if (items.every((item) => typeof item !== 'object' || item === null)) return [formatValue(t, path, items, lng)];
  return items.map((item) => formatValue(t, path, item, lng));
}

/** One value (or list item) of a field, in the reader's language: units, modes and weekdays translated. */
export function formatValue(t: TFunction, path: string, value: unknown, lng: string): string {
  if (path === 'autoSync.mode') return t(`schedules:modes.${typeof value === 'string' ? value : 'default'}`);
  if (value === null || value === undefined || value === '') return t('audit:values.none');
  if (typeof value === 'boolean') return t(value ? 'audit:values.on' : 'audit:values.off');
  if (path === 'autoSync.unit' && typeof value === 'string') return t(`schedules:units.${value}`, { defaultValue: value });
  if (path === 'autoSync.quietWindow.days' && typeof value === 'number') return t(`schedules:weekdays.${value}`, { defaultValue: String(value) });
  if (typeof value === 'number') return formatNumber(value, lng);
  if (typeof value === 'string') return /^\d{1,2}:\d{2}$/.test(value) ? localizeDigits(value, lng) : value;
  if (Array.isArray(value)) {
    const items = inReadingOrder(path, value).map((item) => formatValue(t, path, item, lng));
    return items.length === 0 ? t('audit:values.none') : new Intl.ListFormat(lng, { type: 'unit' }).format(items);
  }
  // A term or closure of the academic calendar: its name, then its Jalali days as the Calendar page writes them.
  if (typeof value === 'object' && 'name' in value && 'start' in value && 'end' in value) {
    const day = (jalali: unknown) => localizeDigits(String(jalali).replaceAll('-', '/'), lng);
    return `${String(value.name)} ${day(value.start)}–${day(value.end)}`;
  }
  // A campus line: its code, then its name, as the campuses tab lists it.
  if (typeof value === 'object' && 'code' in value && 'name' in value) return `${String(value.code)} ${String(value.name)}`;
  return JSON.stringify(value);
}
