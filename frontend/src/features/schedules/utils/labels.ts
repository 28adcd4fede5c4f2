import type { TFunction } from 'i18next';
import { AUTO_SYNC_UNIT_SECONDS, AUTO_SYNC_UNITS, type AutoSync, type AutoSyncUnit, type CalendarReason, type QuietWindow, type Weekday } from '@hamgam/shared';
import { localizeDigits } from '../../../lib/format';

// Every helper here takes the `schedules` namespace's `t`.

/** A span in its largest whole unit: 300 s is 5 minutes, 90 s stays 90 seconds. */
export function largestUnit(seconds: number): { count: number; unit: AutoSyncUnit } {
  const unit = [...AUTO_SYNC_UNITS].reverse().find((candidate) => seconds % AUTO_SYNC_UNIT_SECONDS[candidate] === 0) ?? 'seconds';
  return { count: seconds / AUTO_SYNC_UNIT_SECONDS[unit], unit };
}

/** "every 6 hours" / "هر ۶ ساعت". */
export function intervalLabel(t: TFunction, autoSync: Pick<AutoSync, 'every' | 'unit'>): string {
  if (autoSync.every === null || autoSync.unit === null) return t('card.noTiming');
  return t(`every.${autoSync.unit}`, { count: autoSync.every });
}

/** "5 minutes" / "۵ دقیقه". */
export function spanLabel(t: TFunction, seconds: number): string {
  const { count, unit } = largestUnit(seconds);
  return t(`span.${unit}`, { count });
}

// The Iranian week starts on Saturday.
export const WEEK: Weekday[] = [6, 0, 1, 2, 3, 4, 5];

/**
 * What a quiet window does, in plain words: "No scheduled run starts between 22:00 and 06:00 on Sat, Sun; a run due
 * then starts at 06:00." Times and days as the language writes them.
 */
export function quietWindowSentence(t: TFunction, window: QuietWindow, lng: string): string {
  const [start, end] = [localizeDigits(window.start, lng), localizeDigits(window.end, lng)];
  if (window.days.length === WEEK.length) return t('quiet.sentenceDaily', { start, end });
  const names = WEEK.filter((day) => window.days.includes(day)).map((day) => t(`weekdays.${day}`));
  const days = new Intl.ListFormat(lng === 'fa' ? 'fa' : 'en', { style: 'long', type: 'conjunction' }).format(names);
  return t('quiet.sentence', { start, end, days });
}

/** Why a run is due when it is, by the academic calendar: regular, moved past a closure, or a term's interval. */
export function reasonLabel(t: TFunction, reason: CalendarReason): string {
  if (reason.startsWith('closure:')) return t('reason.closure', { name: reason.slice('closure:'.length) });
  if (reason.startsWith('in_term:')) return t('reason.inTerm', { name: reason.slice('in_term:'.length) });
  return t('reason.regular');
}
