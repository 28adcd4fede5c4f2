/**
 * Failed sign-ins, in memory (one API process holds the counts, which is what SQLite deployments run; several
 * replicas would each count on their own). Three counts, each in a fixed window that starts at its first failure:
 * - per address: past `maxTriesPerAddress`, the address gets 429 whatever username it tries (password spraying);
 * - per (username, address): past `maxTries`, that address gets 429 for that username (guessing one account);
 * - per username, from anywhere: past `maxTries`, every sign-in of that username waits a growing delay, capped
 *   at `maxDelayMs`. Never a lock: the right password from a clean address still signs in, so nobody can keep a
 *   user out by failing on purpose.
 */
export type LoginLimiterOptions = {
  maxTries: number;
  maxTriesPerAddress: number;
  windowMs: number;
  /** Delay of the first slowed attempt; it doubles per further failure. */
  baseDelayMs?: number;
  maxDelayMs?: number;
  /** Keys kept per count at most; expired ones are swept first, then the oldest go. */
  maxEntries?: number;
};

/** What a sign-in attempt must do before its password is checked. */
export type LoginVerdict = { retryAfterMs: number; delayMs: number };

/** The keys a failure locked just now, for the audit trail. */
export type LockedKey = { kind: 'address' | 'username-address'; address: string; username?: string };

type Entry = { failures: number; expiresAt: number };

/** Failures per key in a window that starts at the key's first failure; bounded in size. */
export class FailureCounts {
  private readonly entries = new Map<string, Entry>();
  private nextSweepAt = 0;

  constructor(
    private readonly windowMs: number,
    private readonly maxEntries: number,
  ) {}

  get size(): number {
    return this.entries.size;
  }

  /** Failures of the key in its current window, and when that window ends. */
  get(key: string, now: number): Entry | null {
    const entry = this.entries.get(key);
    if (!entry) return null;
    if (entry.expiresAt > now) return entry;
    this.entries.delete(key);
    return null;
  }

  /** Counts one failure; the new number of failures in the window. */
  add(key: string, now: number): number {
    this.sweep(now);
    const entry = this.get(key, now);
    if (entry) {
      entry.failures += 1;
      return entry.failures;
    }
    if (this.entries.size >= this.maxEntries) this.sweep(now, true);
    // Still full of live keys: the oldest (first inserted) goes. An attacker who can fill the map from many
    // addresses frees old counts; each address is still counted on its own.
    if (this.entries.size >= this.maxEntries) this.entries.delete(this.entries.keys().next().value!);
    this.entries.set(key, { failures: 1, expiresAt: now + this.windowMs });
    return 1;
  }

  delete(key: string): void {
    this.entries.delete(key);
  }

  /** Drops expired keys, at most once a minute unless forced. */
  private sweep(now: number, force = false): void {
    if (!force && now < this.nextSweepAt) return;
    this.nextSweepAt = now + 60_000;
    for (const [key, entry] of this.entries) if (entry.expiresAt <= now) this.entries.delete(key);
  }
}

export class LoginLimiter {
  private readonly byAddress: FailureCounts;
  private readonly byUserAndAddress: FailureCounts;
  private readonly byUser: FailureCounts;
  private readonly baseDelayMs: number;
  private readonly maxDelayMs: number;

  constructor(private readonly options: LoginLimiterOptions) {
    const maxEntries = options.maxEntries ?? 10_000;
    this.byAddress = new FailureCounts(options.windowMs, maxEntries);
    this.byUserAndAddress = new FailureCounts(options.windowMs, maxEntries);
    this.byUser = new FailureCounts(options.windowMs, maxEntries);
    this.baseDelayMs = options.baseDelayMs ?? 250;
    this.maxDelayMs = options.maxDelayMs ?? 3000;
  }

  /** Keys held, per count (for tests and to show the state stays bounded). */
  get sizes(): { address: number; usernameAddress: number; username: number } {
    return { address: this.byAddress.size, usernameAddress: this.byUserAndAddress.size, username: this.byUser.size };
  }

  check(username: string, address: string, now: number = Date.now()): LoginVerdict {
    const waits = [
      this.lockedFor(this.byAddress.get(address, now), this.options.maxTriesPerAddress, now),
      this.lockedFor(this.byUserAndAddress.get(pairKey(username, address), now), this.options.maxTries, now),
    ];
    const userFailures = this.byUser.get(username, now)?.failures ?? 0;
    const slowed = userFailures - this.options.maxTries;
    const delayMs = slowed < 0 ? 0 : Math.min(this.maxDelayMs, this.baseDelayMs * 2 ** Math.min(slowed, 20));
    return { retryAfterMs: Math.max(...waits), delayMs };
  }

  /** Records a failed sign-in; the keys this failure locked. */
  fail(username: string, address: string, now: number = Date.now()): LockedKey[] {
    const locked: LockedKey[] = [];
    if (this.byAddress.add(address, now) === this.options.maxTriesPerAddress) locked.push({ kind: 'address', address });
    if (this.byUserAndAddress.add(pairKey(username, address), now) === this.options.maxTries) locked.push({ kind: 'username-address', address, username });
    this.byUser.add(username, now);
    return locked;
  }

  /** A successful sign-in clears that username's counts; the address keeps its count (a valid account must not reset spraying). */
  succeed(username: string, address: string): void {
    this.byUserAndAddress.delete(pairKey(username, address));
    this.byUser.delete(username);
  }

  private lockedFor(entry: Entry | null, maxTries: number, now: number): number {
    return entry && entry.failures >= maxTries ? entry.expiresAt - now : 0;
  }
}

function pairKey(username: string, address: string): string {
  return `${username}\n${address}`;
}
