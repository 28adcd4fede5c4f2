import type { HealthReason, HealthState, SourceHealth } from '@hamgam/shared';
import { cronFireTimes, type Timing } from '../scheduler/auto-sync-plan';

/** What a source's health is computed from: its settings, its schedule and what its stored runs say. */
export type HealthInput = {
  isEnabled: boolean;
  /** An explicit max age; null derives the expectation from the schedule. */
  maxAgeSeconds: number | null;
  schedule: {
    /** Switched on and allowed by the server (`AUTO_SYNC_ENABLED`). */
    isActive: boolean;
    pausedAt: Date | null;
    timing: Timing | null;
    /** When the schedule was last switched on or its timing changed. */
    since: Date | null;
  };
  timeZone: string;
  /** The source's per-run time limit: the grace after a cron slot before the source counts as late. */
  timeoutSeconds: number;
  /** When the source was created (the start of `never`). */
  createdAt: Date;
  activeRun: { startedAt: Date } | null;
  lastSuccessAt: Date | null;
  /** The latest run that ended `success` or `failed` (a cancelled run says nothing about the source). */
  lastOutcome: { status: 'success' | 'failed'; finishedAt: Date } | null;
  /** When the first failed run after the latest success finished. */
  failingSince: Date | null;
};

/** A source's health, and when it changes by itself if no run or setting changes it first (fresh → late). */
export type HealthVerdict = { health: SourceHealth; changesAt: Date | null };

type Expectation = { lateAt: Date; reason: HealthReason };

/**
 * When a successful run stops being fresh: its explicit max age; else, with auto-sync on, 2× the interval, or the
 * first cron slot after it (or after the schedule was set) plus the run's time limit. Null when nothing is expected.
 */
export function expectedBy(input: HealthInput, lastSuccessAt: Date): Expectation | null {
  if (input.maxAgeSeconds !== null) return { lateAt: new Date(lastSuccessAt.getTime() + input.maxAgeSeconds * 1000), reason: 'max_age_exceeded' };
  const { timing, isActive, since } = input.schedule;
  if (!isActive || !timing) return null;
  if ('intervalSeconds' in timing) return { lateAt: new Date(lastSuccessAt.getTime() + 2 * timing.intervalSeconds * 1000), reason: 'interval_missed' };
  const from = since && since > lastSuccessAt ? since : lastSuccessAt;
  const [slot] = cronFireTimes(timing.cron, input.timeZone, from, 1);
  return { lateAt: new Date(slot.getTime() + input.timeoutSeconds * 1000), reason: 'cron_slot_missed' };
}

const iso = (date: Date | null) => date?.toISOString() ?? null;

/** The health of one source at `now`: a pure function of the source, its schedule and its runs. */
export function sourceHealth(input: HealthInput, now: Date): HealthVerdict {
  const lastSuccessAt = iso(input.lastSuccessAt);
  const verdict = (state: HealthState, reason: HealthReason, since: Date | null, changesAt: Date | null = null): HealthVerdict => ({
    health: { state, since: iso(since), lastSuccessAt, reason },
    changesAt,
  });
  if (input.activeRun) return verdict('running', 'run_active', input.activeRun.startedAt);
  if (!input.isEnabled) return verdict('paused', 'source_disabled', null);
  if (input.schedule.pausedAt) return verdict('paused', 'auto_sync_paused', input.schedule.pausedAt);
  if (input.maxAgeSeconds !== null && !input.schedule.isActive) return verdict('paused', 'auto_sync_off', null);
  if (input.lastOutcome?.status === 'failed') return verdict('failing', 'last_run_failed', input.failingSince ?? input.lastOutcome.finishedAt);
  if (!input.lastSuccessAt) return verdict('never', 'no_success', input.createdAt);
  const expectation = expectedBy(input, input.lastSuccessAt);
  if (!expectation) return verdict('fresh', 'no_expectation', input.lastSuccessAt);
  if (now >= expectation.lateAt) return verdict('late', expectation.reason, expectation.lateAt);
  return verdict('fresh', 'within_expected_age', input.lastSuccessAt, expectation.lateAt);
}
