import { backoffDelayMs } from '../../common/http/backoff';
import { createHash } from 'node:crypto';
import { HttpStatusError, parseJsonBody, postForBytes, type BytesResponse } from '../../common/http/json-http-client';
import { TransientError, withRetry, type RetryInfo } from '../../common/http/retry';
import { SyncError } from '../../common/sync-error';
import type { RateGate, SlowDown } from './rate-gate';

export type StudentsClientOptions = {
  baseUrl: string;
  username: string;
  password: string;
  requestTimeoutMs: number;
  maxRetries: number;
  retryBaseMs: number;
  /** Shared by every request of the run. */
  gate: RateGate;
  /** The run's signal: cancel or timeout ends a request or a wait at once. */
  signal: AbortSignal;
  onRetry?: (info: RetryInfo) => void;
  onSlowDown?: (slowDown: SlowDown, reason: string) => void;
};

const PATH = '/API/Golestan/Students_2';

/** A page of a call: its records, or none when the caller already knows a body with this hash. */
export type StudentsPage = { hash: string; items: unknown[] | null };
const RETRY_MAX_MS = 30_000;
const MAX_RETRY_AFTER_MS = 60_000;
// Push-backs a request waits out through the shared gate before they count as ordinary failures.
const MAX_SLOW_DOWNS_PER_REQUEST = 30;

/** The only code that talks to the university API gateway about students. Safe for concurrent calls. */
export class StudentsClient {
  private token: string | null = null;
  private login$: Promise<void> | null = null;
  private readonly base: string;

  constructor(private readonly options: StudentsClientOptions) {
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
   * One page of raw student records of a campus in a term (1-based `pageNumber`); the mapper checks each
   * record. The body is hashed before it is parsed: when `isKnown(hash)` it is not parsed at all.
   */
  async fetchPage(codePardis: string, term: string, pageNumber: number, pageSize: number, isKnown: (hash: string) => boolean): Promise<StudentsPage> {
    const body = { codePardis, term, paging: { pageNumber, pageSize }, Filter: {} };
    const where = `campus ${codePardis}, term ${term}, page ${pageNumber}`;
    let page: StudentsPage;
    const read = (response: BytesResponse): StudentsPage => {
      const hash = createHash('sha1').update(response.bytes).digest('hex');
      if (isKnown(hash)) return { hash, items: null };
      const data = (parseJsonBody(this.base + PATH, response.status, response.bytes) as { data?: unknown } | null)?.data;
      if (!Array.isArray(data)) throw new SyncError('upstream', `${where}: the gateway's answer has no "data" list`);
      return { hash, items: data };
    };
    // Tokens expire at an undocumented time, possibly mid-run: log in again (unless another call already did) and
    // retry this page. With calls in flight together a fresh token can be used up by the others before this call's
    // retry, so a call may renew a few times; only a token refused on every try is an auth failure.
    for (let attempt = 1; ; attempt++) {
      const token = await this.currentToken();
      try {
        page = await this.post(PATH, body, bearer(token), read);
        break;
      } catch (error) {
        if (!(error instanceof HttpStatusError) || error.status !== 401) throw error;
        if (attempt > MAX_TOKEN_RENEWALS) throw new SyncError('auth', `the gateway refused a fresh token for ${where} (401)`);
        if (this.token === token) await this.login();
      }
    }
    return page;
  }

  private async doLogin(): Promise<void> {
    this.token = null;
    let response: unknown;
    try {
      const login = { userName: this.options.username, password: this.options.password };
      response = await this.post('/Login', login, {}, (answer) => parseJsonBody(this.base + '/Login', answer.status, answer.bytes));
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

  /** POSTs through the rate gate with retries; `read` runs inside the retry, so a cut-off body is asked for again. */
  private post<T>(path: string, body: unknown, headers: Record<string, string>, read: (response: BytesResponse) => T): Promise<T> {
    const { gate, signal } = this.options;
    let slowDowns = 0;
    const attempt = async (): Promise<T> => {
      for (;;) {
        const startedAt = await gate.acquire(signal);
        let isSuccess = false;
        try {
          const response = await postForBytes(this.base + path, body, {
            headers,
            timeoutMs: this.options.requestTimeoutMs,
            signal,
            secrets: [this.options.password, ...(this.token ? [this.token] : [])],
          });
          isSuccess = true;
          return read(response);
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
    return withRetry(attempt, {
      maxRetries: this.options.maxRetries,
      baseMs: this.options.retryBaseMs,
      maxMs: RETRY_MAX_MS,
      maxRetryAfterMs: MAX_RETRY_AFTER_MS,
      signal,
      onRetry: this.options.onRetry,
    });
  }
}

// Each page call may log in again this often before a 401 counts as refused credentials.
const MAX_TOKEN_RENEWALS = 3;

function bearer(token: string): Record<string, string> {
  return { authorization: `Bearer ${token}` };
}

// 429, or any answer naming a wait (503 with Retry-After): the gateway asks everyone to slow down.
function isPushBack(error: unknown): error is TransientError {
  return error instanceof TransientError && (error.retryAfterMs !== null || / answered 429\b/.test(error.message));
}
