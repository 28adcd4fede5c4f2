/** Tries per delivery, the first included. */
export const MAX_TRIES = 5;

/**
 * When a delivery is tried again after its `attempts`th try failed: base, 3×base, 9×base, 27×base; null when it
 * must not be (a final refusal, or the tries are spent).
 */
export function nextAttemptAt(attempts: number, isRetryable: boolean, baseMs: number, now: Date): Date | null {
  if (!isRetryable || attempts >= MAX_TRIES) return null;
  return new Date(now.getTime() + baseMs * 3 ** (attempts - 1));
}
