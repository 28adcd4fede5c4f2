import { backoffDelayMs } from '../../common/http/backoff';
import { HttpStatusError, parseJsonBody, postForBytes, type BytesResponse } from '../../common/http/json-http-client';
import { TransientError, withRetry, type RetryInfo } from '../../common/http/retry';
import { SyncError } from '../../common/sync-error';
import type { RateGate, SlowDown } from './rate-gate';

export type GolestanClientOptions = {
  baseUrl: string;
  username: string;
  password: string;
  requestTimeoutMs: number;
  maxRetries: number;
  retryBaseMs: number;
  /** The run's signal: cancel or timeout ends a request or a wait at once. */
  signal: AbortSignal;
  onRetry?: (info: RetryInfo) => void;
  /** Shared by every request of a run that calls in parallel, so a push-back (429) slows them all; without it a push-back is retried like any failure. */
  gate?: RateGate;
  onSlowDown?: (slowDown: SlowDown, reason: string) => void;
};

export const LOGIN_PATH = '/Login';
const RETRY_MAX_MS = 30_000;
const MAX_RETRY_AFTER_MS = 60_000;
// Push-backs a request waits out through the shared gate before they count as ordinary failures.
const MAX_SLOW_DOWNS_PER_REQUEST = 30;
// Each call may log in again this often before a 401 counts as refused credentials.
const MAX_TOKEN_RENEWALS = 3;

/**
 * The university API gateway (Golestan): its login, the bearer token shared by every call, and how a call is
 * retried. Safe for concurrent calls. The faculty and students clients add their endpoints and paging on top.
 */
export class GolestanClient {
  private token: string | null = null;
  private login$: Promise<void> | null = null;
  private readonly base: string;

  constructor(private readonly options: GolestanClientOptions) {
    this.base = options.baseUrl.replace(/\/+$/, '');
  }

  /** Logs in once however many calls ask at the same time. */
  login(): Promise<void> {
    this.login$ ??= this.doLogin().finally(() => {
      this.login$ = null;
    });
    return this.login$;
  }

  /**
   * POSTs `body` to a data endpoint with the current token; `read` turns the answer into the caller's value inside
   * the retry, so a cut-off body is asked for again. `where` names the call in error messages.
   */
  async call<T>(path: string, body: unknown, where: string, read: (response: BytesResponse) => T): Promise<T> {
    // Tokens expire at an undocumented time, possibly mid-run: log in again (unless another call already did) and
    // retry. With calls in flight together a fresh token can be used up by the others before this call's retry, so
    // a call may renew a few times; only a token refused on every try is an auth failure.
    for (let attempt = 1; ; attempt++) {
      const token = await this.currentToken();
      try {
        return await this.post(path, body, { authorization: `Bearer ${token}` }, read);
      } catch (error) {
        if (!(error instanceof HttpStatusError) || error.status !== 401) throw error;
        if (attempt > MAX_TOKEN_RENEWALS) throw new SyncError('auth', `the gateway refused a fresh token for ${where} (401)`);
        if (this.token === token) await this.login();
      }
    }
  }

  /** The `data` list of a JSON answer; an `upstream` error naming `where` when there is none. */
  readDataList(path: string, where: string, response: BytesResponse): unknown[] {
    const data = (parseJsonBody(this.base + path, response.status, response.bytes) as { data?: unknown } | null)?.data;
    if (!Array.isArray(data)) throw new SyncError('upstream', `${where}: the gateway's answer has no "data" list`);
    return data;
  }

  private async doLogin(): Promise<void> {
    this.token = null;
    let response: unknown;
    try {
      const login = { userName: this.options.username, password: this.options.password };
      response = await this.post(LOGIN_PATH, login, {}, (answer) => parseJsonBody(this.base + LOGIN_PATH, answer.status, answer.bytes));
    } catch (error) {
      // The gateway answers a wrong user name or password with 400 as often as with 401.
      if (error instanceof HttpStatusError && [400, 401, 403].includes(error.status)) {
        throw new SyncError('auth', `the gateway refused the login (${error.status}); check the user name and password`);
      }
      throw error;
    }
    const token = (response as { data?: { token?: unknown } } | null)?.data?.token;
    if (typeof token !== 'string' || token === '') {
      throw new SyncError('auth', 'the gateway answered the login without a token; check the user name and password');
    }
    this.token = token;
  }

  private async currentToken(): Promise<string> {
    if (this.token === null) await this.login();
    return this.token!;
  }

  /** POSTs (through the rate gate when there is one) with retries; `read` runs inside the retry. */
  private post<T>(path: string, body: unknown, headers: Record<string, string>, read: (response: BytesResponse) => T): Promise<T> {
    const { gate, signal } = this.options;
    const send = async () =>
      read(
        await postForBytes(this.base + path, body, {
          headers,
          timeoutMs: this.options.requestTimeoutMs,
          signal,
          secrets: [this.options.password, ...(this.token ? [this.token] : [])],
        }),
      );
    let slowDowns = 0;
    const throughGate = async (gate: RateGate): Promise<T> => {
      for (;;) {
        const startedAt = await gate.acquire(signal);
        let isSuccess = false;
        try {
          const value = await send();
          isSuccess = true;
          return value;
        } catch (error) {
          if (!isPushBack(error) || slowDowns >= MAX_SLOW_DOWNS_PER_REQUEST) throw error;
          slowDowns += 1;
          const waitMs = Math.min(
            error.retryAfterMs ?? backoffDelayMs(slowDowns, { baseMs: Math.max(this.options.retryBaseMs, 100), maxMs: RETRY_MAX_MS }),
            MAX_RETRY_AFTER_MS,
          );
          this.options.onSlowDown?.(gate.slowDown(waitMs, startedAt), error.message);
        } finally {
          gate.release(isSuccess);
        }
      }
    };
    return withRetry(gate ? () => throughGate(gate) : send, {
      maxRetries: this.options.maxRetries,
      baseMs: this.options.retryBaseMs,
      maxMs: RETRY_MAX_MS,
      maxRetryAfterMs: MAX_RETRY_AFTER_MS,
      signal,
      onRetry: this.options.onRetry,
    });
  }
}

// 429, or any answer naming a wait (503 with Retry-After): the gateway asks everyone to slow down.
function isPushBack(error: unknown): error is TransientError {
  return error instanceof TransientError && (error.retryAfterMs !== null || / answered 429\b/.test(error.message));
}
