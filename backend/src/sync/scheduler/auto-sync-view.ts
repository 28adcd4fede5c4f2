import type { AutoSync, AutoSyncSettings } from '@hamgam/shared';
import type { AppConfig } from '../../config/config';
import { backoffFactor } from './auto-sync-plan';
import { DEFAULT_AUTO_SYNC } from './auto-sync-rules';
import type { SourceScheduleEntity } from './source-schedule.entity';

export function settingsOf(schedule: SourceScheduleEntity | null): AutoSyncSettings {
  if (!schedule) return { ...DEFAULT_AUTO_SYNC };
  const { enabled, every, unit, cron, mode, quietWindow } = schedule;
  return { enabled, every, unit, cron, mode, quietWindow };
}

export function toAutoSync(schedule: SourceScheduleEntity | null, config: AppConfig): AutoSync {
  const failures = schedule?.failures ?? 0;
  return {
    ...settingsOf(schedule),
    nextRunAt: config.autoSyncEnabled ? (schedule?.nextRunAt ?? null) : null,
    failures,
    backoffFactor: backoffFactor(failures),
    pausedAt: schedule?.pausedAt ?? null,
    isAllowed: config.autoSyncEnabled,
  };
}
