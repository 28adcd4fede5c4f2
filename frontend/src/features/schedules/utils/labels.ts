import type { TFunction } from 'i18next';
import { AUTO_SYNC_UNIT_SECONDS, AUTO_SYNC_UNITS, type AutoSync, type AutoSyncUnit } from '@hamgam/shared';

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
