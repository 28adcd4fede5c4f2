export type BackoffOptions = {
  baseMs: number;
  maxMs: number;
  /** A number in [0, 1); injectable so tests are deterministic. */
  random?: () => number;
};

/**
 * Exponential backoff with full jitter: a random delay in [0, min(maxMs, baseMs · 2^(attempt-1))).
 * `attempt` counts retries from 1. Full jitter keeps many workers from retrying in lock-step.
 */
export function backoffDelayMs(attempt: number, { baseMs, maxMs, random = Math.random }: BackoffOptions): number {
  const ceiling = Math.min(maxMs, baseMs * 2 ** Math.max(0, attempt - 1));
  return Math.floor(random() * ceiling);
}

/** Milliseconds to wait from a `Retry-After` header (delay-seconds or an HTTP date), or null when absent or unreadable. */
export function retryAfterMs(headerValue: string | null | undefined, now: number = Date.now()): number | null {
  const value = headerValue?.trim();
  if (!value) return null;
  if (/^\d+$/.test(value)) return Number(value) * 1000;
  // Every HTTP-date form starts with a day name; Date.parse alone would read "-3" as a year.
  if (!/^[a-z]{3,9},? /i.test(value)) return null;
  const at = Date.parse(value);
  return Number.isNaN(at) ? null : Math.max(0, at - now);
}
