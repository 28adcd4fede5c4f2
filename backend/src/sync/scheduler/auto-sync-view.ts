import type { AutoSync, AutoSyncSettings, AutoSyncUnit } from '@hamgam/shared';
import type { AppConfig } from '../../config/config';
import { backoffFactor } from './auto-sync-plan';
import { DEFAULT_AUTO_SYNC } from './auto-sync-rules';
import type { SourceScheduleEntity } from './source-schedule.entity';

export function settingsOf(schedule: SourceScheduleEntity | null): AutoSyncSettings {
  if (!schedule) return { ...DEFAULT_AUTO_SYNC };
  const { enabled, every, unit, cron, mode, quietWindow, skipClosures, inTermEvery, inTermUnit } = schedule;
  const inTerm = inTermEvery !== null && inTermUnit !== null ? { every: inTermEvery, unit: inTermUnit } : null;
  return { enabled, every, unit, cron, mode, quietWindow, skipClosures: Boolean(skipClosures), inTerm };
}

/** The columns the settings are stored in (`inTerm` as two columns). */
export function scheduleColumnsOf(
  settings: AutoSyncSettings,
): Omit<AutoSyncSettings, 'inTerm'> & { inTermEvery: number | null; inTermUnit: AutoSyncUnit | null } {
  const { inTerm, ...rest } = settings;
  return { ...rest, inTermEvery: inTerm?.every ?? null, inTermUnit: inTerm?.unit ?? null };
}

export function toAutoSync(schedule: SourceScheduleEntity | null, config: AppConfig): AutoSync {
  const failures = schedule?.failures ?? 0;
  // A paused schedule has no next run, even in the moment between storing the pause and clearing its due time.
  const isPlanned = config.autoSyncEnabled && !schedule?.pausedAt;
  return {
    ...settingsOf(schedule),
    nextRunAt: isPlanned ? (schedule?.nextRunAt ?? null) : null,
    nextRunReason: isPlanned && schedule?.nextRunAt ? (schedule.nextRunReason ?? 'regular') : null,
    failures,
    backoffFactor: backoffFactor(failures),
    pausedAt: schedule?.pausedAt ?? null,
    isAllowed: config.autoSyncEnabled,
  };
}
