import { abortableSleep, throwIfAborted } from '../../common/http/retry';

export type RateGateOptions = {
  /** Requests allowed at once when the gateway is not pushing back. */
  concurrency: number;
  /** Successful requests after which one more is allowed at once again. */
  recoverAfter?: number;
  now?: () => number;
  sleep?: (ms: number, signal: AbortSignal) => Promise<void>;
};

export type SlowDown = { waitMs: number; limit: number; isNew: boolean };

/**
 * One gate for every request of a run, so a 429 slows the whole run down rather than the call that got it:
 * all requests wait out the gateway's Retry-After, and fewer run at once (halved, at least one) until
 * enough requests succeed again.
 */
export class RateGate {
  private limit: number;
  private inFlight = 0;
  private pausedUntil = 0;
  private slowedAt = -Infinity;
  private successes = 0;
  private readonly waiting = new Set<() => void>();
  private readonly now: () => number;
  private readonly sleep: (ms: number, signal: AbortSignal) => Promise<void>;
  private readonly recoverAfter: number;

  constructor(private readonly options: RateGateOptions) {
    this.limit = options.concurrency;
    this.now = options.now ?? Date.now;
    this.sleep = options.sleep ?? abortableSleep;
    this.recoverAfter = options.recoverAfter ?? 20;
  }

  /** Waits until a request may go; returns when it started (pass it to `slowDown`). */
  async acquire(signal: AbortSignal): Promise<number> {
    for (;;) {
      throwIfAborted(signal);
      const wait = this.pausedUntil - this.now();
      if (wait > 0) {
        await this.sleep(wait, signal);
        continue;
      }
      if (this.inFlight < this.limit) {
        this.inFlight += 1;
        return this.now();
      }
      await this.nextRelease(signal);
    }
  }

  release(isSuccess: boolean): void {
    this.inFlight -= 1;
    if (isSuccess && this.limit < this.options.concurrency && ++this.successes >= this.recoverAfter) {
      this.limit += 1;
      this.successes = 0;
    }
    for (const wake of this.waiting) wake();
    this.waiting.clear();
  }

  /**
   * The gateway pushed back on a request that started at `startedAt`: everyone waits `waitMs`. Only the first
   * push-back after the last slow-down lowers the limit, so four requests refused together halve it once.
   */
  slowDown(waitMs: number, startedAt: number): SlowDown {
    const now = this.now();
    this.pausedUntil = Math.max(this.pausedUntil, now + waitMs);
    this.successes = 0;
    const isNew = startedAt > this.slowedAt;
    if (isNew) {
      this.limit = Math.max(1, Math.floor(this.limit / 2));
      this.slowedAt = now;
    }
    return { waitMs: Math.max(0, this.pausedUntil - now), limit: this.limit, isNew };
  }

  get currentLimit(): number {
    return this.limit;
  }

  private nextRelease(signal: AbortSignal): Promise<void> {
    return new Promise((resolve) => {
      const wake = () => {
        signal.removeEventListener('abort', wake);
        this.waiting.delete(wake);
        resolve();
      };
      this.waiting.add(wake);
      // On abort the loop in acquire() throws.
      signal.addEventListener('abort', wake, { once: true });
    });
  }
}
