import { SyncError } from '../sync-error';
import { backoffDelayMs } from './backoff';

/** A SyncError worth another try: network failures, timeouts, 5xx, 429 and unreadable answers. */
export class TransientError extends SyncError {
  constructor(
    kind: SyncError['kind'],
    message: string,
    /** The wait the server asked for (Retry-After), when it asked. */
    readonly retryAfterMs: number | null = null,
    detail: string | null = null,
  ) {
    super(kind, message, detail);
    this.name = 'TransientError';
  }
}

export type RetryInfo = {
  /** 1 for the first retry. */
  attempt: number;
  maxRetries: number;
  delayMs: number;
  /** The failure being retried with its technical detail (status, errno); free of secrets and upstream text. */
  reason: string;
};

export type RetryOptions = {
  maxRetries?: number;
  baseMs?: number;
  maxMs?: number;
  /** A cap on Retry-After, so a server cannot park the run for an hour. */
  maxRetryAfterMs?: number;
  signal?: AbortSignal;
  onRetry?: (info: RetryInfo) => void;
  random?: () => number;
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
};

export const DEFAULT_MAX_RETRIES = 4;
export const DEFAULT_RETRY_BASE_MS = 500;
export const DEFAULT_RETRY_MAX_MS = 30_000;
export const DEFAULT_MAX_RETRY_AFTER_MS = 60_000;

/** Runs `attempt` until it succeeds, throws a non-transient error, or has been retried `maxRetries` times. */
export async function withRetry<T>(attempt: () => Promise<T>, options: RetryOptions = {}): Promise<T> {
  const maxRetries = options.maxRetries ?? DEFAULT_MAX_RETRIES;
  const sleep = options.sleep ?? abortableSleep;
  for (let retry = 0; ; retry += 1) {
    throwIfAborted(options.signal);
    try {
      return await attempt();
    } catch (error) {
      if (!(error instanceof TransientError)) throw error;
      if (retry >= maxRetries) {
        throw new SyncError(error.kind, retry === 0 ? error.message : `${error.message} (gave up after ${retry + 1} attempts)`, error.detail);
      }
      const backoff = backoffDelayMs(retry + 1, {
        baseMs: options.baseMs ?? DEFAULT_RETRY_BASE_MS,
        maxMs: options.maxMs ?? DEFAULT_RETRY_MAX_MS,
        random: options.random,
      });
      const delayMs = error.retryAfterMs === null ? backoff : Math.min(error.retryAfterMs, options.maxRetryAfterMs ?? DEFAULT_MAX_RETRY_AFTER_MS);
      options.onRetry?.({ attempt: retry + 1, maxRetries, delayMs, reason: error.detail ? `${error.message} [${error.detail}]` : error.message });
      await sleep(delayMs, options.signal);
    }
  }
}

/** The error to throw once the run's signal is aborted: its reason when that is a SyncError, else `cancelled`. */
export function abortError(signal: AbortSignal): SyncError {
  return signal.reason instanceof SyncError ? signal.reason : new SyncError('cancelled', 'the run was cancelled');
}

export function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw abortError(signal);
}

/** Waits `ms`, but rejects at once when `signal` aborts, so a cancel never waits out a backoff. */
export function abortableSleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(abortError(signal));
      return;
    }
    const onAbort = () => {
      clearTimeout(timer);
      reject(abortError(signal!));
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
