/**
 * Failed sign-ins, counted in a `FailureStore`: in the database (`DatabaseFailureStore`) so that every replica sees
 * every failure, or in memory (`MemoryFailureStore`, tests). Three counts, each in a fixed window that starts at its
 * first failure:
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

export type Entry = { failures: number; expiresAt: number };

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

export type FailureKind = 'address' | 'username-address' | 'username';

/** Where the counts live; each count is a key's failures in a window that starts at the key's first failure. */
export type FailureStore = {
  get(kind: FailureKind, key: string, now: number): Promise<Entry | null>;
  /** Counts one failure; the new number of failures in the window. */
  add(kind: FailureKind, key: string, now: number): Promise<number>;
  delete(kind: FailureKind, key: string): Promise<void>;
};

/** The counts of one process, bounded in size. */
export class MemoryFailureStore implements FailureStore {
  private readonly counts: Record<FailureKind, FailureCounts>;

  constructor(windowMs: number, maxEntries = 10_000) {
    this.counts = {
      address: new FailureCounts(windowMs, maxEntries),
      'username-address': new FailureCounts(windowMs, maxEntries),
      username: new FailureCounts(windowMs, maxEntries),
    };
  }

  async get(kind: FailureKind, key: string, now: number): Promise<Entry | null> {
    const entry = this.counts[kind].get(key, now);
    return entry ? { ...entry } : null;
  }

  async add(kind: FailureKind, key: string, now: number): Promise<number> {
    return this.counts[kind].add(key, now);
  }

  async delete(kind: FailureKind, key: string): Promise<void> {
    this.counts[kind].delete(key);
  }
}

export class LoginLimiter {
  private readonly baseDelayMs: number;
  private readonly maxDelayMs: number;
  private readonly store: FailureStore;

  constructor(
    private readonly options: LoginLimiterOptions,
    store?: FailureStore,
  ) {
    this.store = store ?? new MemoryFailureStore(options.windowMs, options.maxEntries);
    this.baseDelayMs = options.baseDelayMs ?? 250;
    this.maxDelayMs = options.maxDelayMs ?? 3000;
  }

  async check(username: string, address: string, now: number = Date.now()): Promise<LoginVerdict> {
    const [byAddress, byPair, byUser] = await Promise.all([
      this.store.get('address', address, now),
      this.store.get('username-address', pairKey(username, address), now),
      this.store.get('username', username, now),
    ]);
    const waits = [this.lockedFor(byAddress, this.options.maxTriesPerAddress, now), this.lockedFor(byPair, this.options.maxTries, now)];
    const slowed = (byUser?.failures ?? 0) - this.options.maxTries;
    const delayMs = slowed < 0 ? 0 : Math.min(this.maxDelayMs, this.baseDelayMs * 2 ** Math.min(slowed, 20));
    return { retryAfterMs: Math.max(...waits), delayMs };
  }

  /** Records a failed sign-in; the keys this failure locked. */
  async fail(username: string, address: string, now: number = Date.now()): Promise<LockedKey[]> {
    const locked: LockedKey[] = [];
    if ((await this.store.add('address', address, now)) === this.options.maxTriesPerAddress) locked.push({ kind: 'address', address });
    if ((await this.store.add('username-address', pairKey(username, address), now)) === this.options.maxTries) {
      locked.push({ kind: 'username-address', address, username });
    }
    await this.store.add('username', username, now);
    return locked;
  }

  /** A successful sign-in clears that username's counts; the address keeps its count (a valid account must not reset spraying). */
  async succeed(username: string, address: string): Promise<void> {
    await this.store.delete('username-address', pairKey(username, address));
    await this.store.delete('username', username);
  }

  private lockedFor(entry: Entry | null, maxTries: number, now: number): number {
    return entry && entry.failures >= maxTries ? entry.expiresAt - now : 0;
  }
}

function pairKey(username: string, address: string): string {
  return `${username}\n${address}`;
}
