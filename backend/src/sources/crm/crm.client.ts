import { getForBytes, HttpStatusError, parseJsonBody, postForBytes, type BytesResponse, type PostJsonOptions } from '../../common/http/json-http-client';
import { withRetry, type RetryInfo } from '../../common/http/retry';
import { SyncError } from '../../common/sync-error';
import { parseFeedPage, parseSyncStats, type CrmFeedPage, type CrmSyncStats } from './crm.parser';
import { parsePushAnswer, type CrmPushAnswer, type PushRecord } from './crm.push-answer';

/** The CRM refuses a batch-push of more records than this (crm-api.md). */
export const MAX_PUSH_RECORDS = 50;

export type CrmClientOptions = {
  baseUrl: string;
  username: string;
  password: string;
  requestTimeoutMs: number;
  maxRetries: number;
  retryBaseMs: number;
  /** The run's signal: cancel or timeout ends a request or a wait at once. */
  signal: AbortSignal;
  onRetry?: (info: RetryInfo) => void;
};

export const CRM_TABLES = ['contacts', 'interactions'] as const;
export type CrmTable = (typeof CRM_TABLES)[number];

const RETRY_MAX_MS = 30_000;
const MAX_RETRY_AFTER_MS = 60_000;
// An expired token answers 401: log in again, but a token refused right after a login is refused credentials.
const MAX_TOKEN_RENEWALS = 2;

/** The only code that talks to the CRM: its login, the bearer token, and the sync endpoints of crm-api.md. */
export class CrmClient {
  private token: string | null = null;
  private readonly base: string;

  constructor(private readonly options: CrmClientOptions) {
    this.base = options.baseUrl.replace(/\/+$/, '');
  }

  async login(): Promise<void> {
    this.token = null;
    let answer: unknown;
    try {
      answer = await this.send('POST', '/api/auth/login', { username: this.options.username, password: this.options.password }, {});
    } catch (error) {
      if (error instanceof HttpStatusError && [400, 401, 403].includes(error.status)) {
        throw new SyncError('auth', `the CRM refused the login (${error.status}); check the user name and password`);
      }
      throw error;
    }
    const token = (answer as { accessToken?: unknown } | null)?.accessToken;
    if (typeof token !== 'string' || token === '') throw new SyncError('auth', 'the CRM answered the login without an access token');
    this.token = token;
  }

  /** One page of the change feed after `since` (ISO-8601), or the page `cursor` points at. */
  async pullChanges(since: string, cursor: string | null, limit: number): Promise<CrmFeedPage> {
    const query = new URLSearchParams({ since, tables: CRM_TABLES.join(','), limit: String(limit) });
    if (cursor !== null) query.set('cursor', cursor);
    return parseFeedPage(await this.authorized('GET', `/api/sync/pull-changes?${query}`, undefined));
  }

  /** Pushes at most 50 local changes (the CRM refuses more a call). */
  async batchPush(deviceId: string, records: PushRecord[]): Promise<CrmPushAnswer> {
    if (records.length > MAX_PUSH_RECORDS) throw new Error(`at most ${MAX_PUSH_RECORDS} records a batch-push`);
    return parsePushAnswer(await this.authorized('POST', '/api/sync/batch-push', { device_id: deviceId, records }));
  }

  async resolveConflict(
    table: string,
    recordId: string,
    resolution: 'accept_client' | 'accept_server',
    clientData: Record<string, unknown> | null,
  ): Promise<void> {
    const body = { table_name: table, record_id: recordId, resolution, ...(clientData ? { client_data: clientData } : {}) };
    await this.authorized('POST', '/api/sync/resolve-conflict', body);
  }

  async stats(): Promise<CrmSyncStats> {
    return parseSyncStats(await this.authorized('GET', '/api/sync/stats', undefined));
  }

  private async authorized(method: 'GET' | 'POST', path: string, body: unknown): Promise<unknown> {
    for (let renewals = 0; ; renewals++) {
      if (this.token === null) await this.login();
      try {
        return await this.send(method, path, body, { authorization: `Bearer ${this.token}` });
      } catch (error) {
        if (!(error instanceof HttpStatusError) || error.status !== 401) throw error;
        if (renewals >= MAX_TOKEN_RENEWALS) throw new SyncError('auth', `the CRM refused a fresh token (401) for ${method} ${path.split('?')[0]}`);
        this.token = null;
      }
    }
  }

  /** One call with retries; the answer is read as JSON inside the retry, so a cut-off body is asked for again. */
  private send(method: 'GET' | 'POST', path: string, body: unknown, headers: Record<string, string>): Promise<unknown> {
    const url = this.base + path;
    const options: PostJsonOptions = {
      headers,
      timeoutMs: this.options.requestTimeoutMs,
      signal: this.options.signal,
      secrets: [this.options.password, ...(this.token ? [this.token] : [])],
    };
    const read = (response: BytesResponse) => parseJsonBody(url, response.status, response.bytes);
    return withRetry(async () => read(method === 'GET' ? await getForBytes(url, options) : await postForBytes(url, body, options)), {
      maxRetries: this.options.maxRetries,
      baseMs: this.options.retryBaseMs,
      maxMs: RETRY_MAX_MS,
      maxRetryAfterMs: MAX_RETRY_AFTER_MS,
      signal: this.options.signal,
      onRetry: this.options.onRetry,
    });
  }
}
