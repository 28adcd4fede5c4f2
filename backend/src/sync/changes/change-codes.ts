import type { ChangeKind } from '@hamgam/shared';

/** How `run_changes.kind` stores each kind (RunChanges1765500000100). */
export const KIND_CODES: Readonly<Record<ChangeKind, number>> = { inserted: 1, updated: 2, deleted: 3 };

export function kindOfCode(code: number): ChangeKind {
  return code === 1 ? 'inserted' : code === 2 ? 'updated' : 'deleted';
}
