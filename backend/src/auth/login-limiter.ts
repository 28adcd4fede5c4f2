/**
 * Failed sign-ins per key (an IP, a username) in a sliding window. In memory: one API process holds the
 * count, which is what SQLite deployments run; several replicas would each count on their own.
 */
export class LoginLimiter {
  private readonly failures = new Map<string, number[]>();

  constructor(
    private readonly maxTries: number,
    private readonly windowMs: number,
  ) {}

  /** Milliseconds until the key may try again, or 0 when it may now. */
  retryAfterMs(key: string, now: number = Date.now()): number {
    const recent = this.recent(key, now);
    if (recent.length < this.maxTries) return 0;
    return recent[recent.length - this.maxTries] + this.windowMs - now;
  }

  /** Records a failure; true when this failure is the one that locks the key. */
  fail(key: string, now: number = Date.now()): boolean {
    const recent = this.recent(key, now);
    recent.push(now);
    this.failures.set(key, recent);
    return recent.length === this.maxTries;
  }

  reset(key: string): void {
    this.failures.delete(key);
  }

  private recent(key: string, now: number): number[] {
    const kept = (this.failures.get(key) ?? []).filter((at) => at > now - this.windowMs);
    if (kept.length === 0) this.failures.delete(key);
    else this.failures.set(key, kept);
    return kept;
  }
}
