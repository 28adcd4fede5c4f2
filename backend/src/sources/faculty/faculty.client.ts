import { HttpStatusError, postJsonWithRetry, type JsonResponse } from '../../common/http/json-http-client';
import type { RetryInfo } from '../../common/http/retry';
import { SyncError } from '../../common/sync-error';

export type FacultyClientOptions = {
  baseUrl: string;
  username: string;
  password: string;
  requestTimeoutMs: number;
  maxRetries: number;
  retryBaseMs: number;
  /** The run's signal: cancel or timeout ends a request or a backoff wait at once. */
  signal: AbortSignal;
  onRetry?: (info: RetryInfo) => void;
};

const RETRY_MAX_MS = 30_000;
const MAX_RETRY_AFTER_MS = 60_000;

/** The only code that talks to the university API gateway about faculty. */
export class FacultyClient {
  private token: string | null = null;
  private readonly base: string;

  constructor(private readonly options: FacultyClientOptions) {
    this.base = options.baseUrl.replace(/\/+$/, '');
  }

  async login(): Promise<void> {
    this.token = null;
    let response: JsonResponse;
    try {
      response = await this.post('/Login', { userName: this.options.username, password: this.options.password }, {});
    } catch (error) {
      // The gateway answers a wrong user name or password with 400 as often as with 401.
      if (error instanceof HttpStatusError && [400, 401, 403].includes(error.status)) {
        throw new SyncError('auth', `the gateway refused the login (${error.status}); check the user name and password`);
      }
      throw error;
    }
    const token = (response.body as { data?: { token?: unknown } } | null)?.data?.token;
    if (typeof token !== 'string' || token === '') {
      throw new SyncError('auth', 'the gateway answered the login without a token; check the user name and password');
    }
    this.token = token;
  }

  /** One page of raw faculty records (1-based `pageNumber`); the mapper checks each record. */
  async fetchFacultyPage(pageNumber: number, pageSize: number): Promise<unknown[]> {
    const body = { pageNumber, pageSize };
    let response: JsonResponse;
    try {
      response = await this.postAuthorized('/API/Golestan/Faculty', body);
    } catch (error) {
      if (!(error instanceof HttpStatusError) || error.status !== 401) throw error;
      // Tokens expire at an undocumented time, possibly mid-run: log in again once, then retry this page.
      await this.login();
      try {
        response = await this.postAuthorized('/API/Golestan/Faculty', body);
      } catch (retryError) {
        if (retryError instanceof HttpStatusError && retryError.status === 401) {
          throw new SyncError('auth', `the gateway refused a fresh token for faculty page ${pageNumber} (401)`);
        }
        throw retryError;
      }
    }
    const data = (response.body as { data?: unknown } | null)?.data;
    if (!Array.isArray(data)) {
      throw new SyncError('upstream', `faculty page ${pageNumber}: the gateway's answer has no "data" list`);
    }
    return data;
  }

  private async postAuthorized(path: string, body: unknown): Promise<JsonResponse> {
    if (this.token === null) await this.login();
    return this.post(path, body, { authorization: `Bearer ${this.token}` });
  }

  private post(path: string, body: unknown, headers: Record<string, string>): Promise<JsonResponse> {
    return postJsonWithRetry(this.base + path, body, {
      headers,
      timeoutMs: this.options.requestTimeoutMs,
      signal: this.options.signal,
      secrets: [this.options.password, ...(this.token ? [this.token] : [])],
      maxRetries: this.options.maxRetries,
      baseMs: this.options.retryBaseMs,
      maxMs: RETRY_MAX_MS,
      maxRetryAfterMs: MAX_RETRY_AFTER_MS,
      onRetry: this.options.onRetry,
    });
  }
}
