import { DEFAULT_DELETION_GUARD, type DeletionGuard } from '@hamgam/shared';

/** The guard a source keeps: its stored limits, each key left out taking the default. */
export function deletionGuardOf(stored: Partial<DeletionGuard> | null | undefined): DeletionGuard {
  return { ...DEFAULT_DELETION_GUARD, ...(stored ?? {}) };
}

/**
 * True when soft-deleting `count` of `live` live records passes a limit: more than `maxCount` records, or more
 * than `maxPercent` % of the live ones. Deleting nothing never passes; with no guard nothing does.
 */
export function exceedsDeletionGuard(guard: DeletionGuard | null, count: number, live: number): boolean {
  if (guard === null || count <= 0) return false;
  if (guard.maxCount !== null && count > guard.maxCount) return true;
  if (guard.maxPercent !== null && count * 100 > guard.maxPercent * Math.max(live, 0)) return true;
  return false;
}
