// Dry runs and the deletion guard: what a run held back and what an admin decided about it.

/** `approved`: applied; `discarded`: none applied; `superseded`: a newer complete run decided again. */
export const DELETION_DECISION_KINDS = ['approved', 'discarded', 'superseded'] as const;
export type DeletionDecisionKind = (typeof DELETION_DECISION_KINDS)[number];
export type DeletionDecision = {
  kind: DeletionDecisionKind;
  /** The admin's user name; null when a newer run superseded it. */
  by: string | null;
  reason: string | null;
  /** ISO-8601. */
  at: string;
  /** Records deleted on approval (reappeared ones are kept); 0 otherwise. */
  applied: number;
};

/** Limits on how many live records one run may soft-delete before its deletions wait for an admin; null turns a limit off. */
export type DeletionGuard = {
  /** Percent (0–100) of the live records when the run would delete (those it kept and those it would delete). Default 10. */
  maxPercent: number | null;
  /** Records. Default null (off). */
  maxCount: number | null;
};

export const DEFAULT_DELETION_GUARD: DeletionGuard = { maxPercent: 10, maxCount: null };

/** One record a run would have deleted, with its last known values (`GET /api/runs/:id/held-deletions`). */
export type HeldDeletion = {
  /** The record table it is in (`recordTables[].id`). */
  table: string;
  key: string;
  values: Record<string, string | number | null>;
};

export type HeldDeletionQuery = { q?: string; page?: number; pageSize?: number };

/** Body of `POST /api/runs/:id/approve-deletions` and `…/discard-deletions`. */
export type DeletionDecisionRequest = { reason?: string };
