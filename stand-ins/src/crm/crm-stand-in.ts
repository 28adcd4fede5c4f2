import { randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { isRecord, parseJson, readBody, sendJson } from '../common/json-http';
import { serve } from '../common/serve';
import { CRM_TABLES, type CrmRecord, type CrmSiteOptions, type CrmTable } from './crm-dataset';
import { createCrmFaultSwitch, parseCrmFaults, type CrmFaults } from './crm-faults';
import { readPushBody, readResolveBody } from './crm-requests';
import { createCrmStore, type CrmStore, type FeedPosition } from './crm-store';

export type CrmStandInOptions = CrmSiteOptions & {
  port?: number;
  host?: string;
  username?: string;
  password?: string;
  /** Changes a pull answers when it names no `limit`. */
  defaultPageSize?: number;
  /** The clock that stamps changes made after start (tests may fix it). */
  now?: () => number;
};

export type CrmStats = {
  logins: number;
  pullCalls: number;
  /** The `since` of every pull-changes call, in order: where each run (re)started. */
  pullSince: string[];
  pulledChanges: number;
  pushCalls: number;
  /** Records in each batch-push call, in order. */
  pushBatchSizes: number[];
  resolveCalls: number;
  statsCalls: number;
  served401: number;
  served429: number;
  served500: number;
};

export type CrmStandIn = {
  url: string;
  username: string;
  password: string;
  store: CrmStore;
  setFaults(faults: CrmFaults): void;
  resetFaults(): void;
  /** Clears faults, stats and tokens and regenerates the records (same as POST /__control/reset). */
  reset(): void;
  stats(): CrmStats;
  close(): Promise<void>;
};

const emptyStats = (): CrmStats => ({
  logins: 0,
  pullCalls: 0,
  pullSince: [],
  pulledChanges: 0,
  pushCalls: 0,
  pushBatchSizes: [],
  resolveCalls: 0,
  statsCalls: 0,
  served401: 0,
  served429: 0,
  served500: 0,
});

const MAX_PAGE_SIZE = 1000;

const encodeCursor = (since: number, position: FeedPosition): string => Buffer.from(JSON.stringify({ s: since, ...position })).toString('base64url');

const decodeCursor = (cursor: string): { since: number; position: FeedPosition } | null => {
  const parsed = parseJson(Buffer.from(cursor, 'base64url').toString('utf8'));
  if (!parsed.ok || !isRecord(parsed.value)) return null;
  const { s, at, key } = parsed.value;
  return typeof s === 'number' && typeof at === 'number' && typeof key === 'string' ? { since: s, position: { at, key } } : null;
};

const toChange = (record: CrmRecord) => ({
  table_name: record.table,
  record_id: record.id,
  data: record.data,
  server_updated_at: new Date(record.updatedAt).toISOString(),
  is_deleted: record.isDeleted,
});

export const startCrmStandIn = async (options: CrmStandInOptions = {}): Promise<CrmStandIn> => {
  const username = options.username ?? 'hamgam.crm';
  const password = options.password ?? 'stand-in-crm-password';
  const store = createCrmStore(options, options.now);
  const faults = createCrmFaultSwitch();
  const tokens = new Map<string, { calls: number }>();
  const pendingDelays = new Set<() => void>();
  let stats = emptyStats();
  let lastSyncAt: string | null = null;

  const delay = (ms: number) =>
    new Promise<void>((resolve) => {
      const finish = () => {
        clearTimeout(timer);
        pendingDelays.delete(finish);
        resolve();
      };
      const timer = setTimeout(finish, ms);
      pendingDelays.add(finish);
    });

  const bad = (res: ServerResponse, message: string) => sendJson(res, 400, { message });

  /** The checks every sync call passes first: delay, injected 429/500, the bearer token. False when answered. */
  const admit = async (req: IncomingMessage, res: ServerResponse, isPush: boolean): Promise<boolean> => {
    const current = faults.current();
    if ((current.delayMs ?? 0) > 0) await delay(current.delayMs!);
    if (faults.take('rateLimitNext')) {
      stats.served429 += 1;
      sendJson(res, 429, { message: 'Too Many Requests' }, { 'retry-after': String(current.retryAfterSeconds ?? 1) });
      return false;
    }
    if (faults.take('failNext') || (isPush && faults.take('failPushNext'))) {
      stats.served500 += 1;
      sendJson(res, 500, { message: 'Internal Server Error' });
      return false;
    }
    const header = req.headers.authorization ?? '';
    const token = header.startsWith('Bearer ') ? tokens.get(header.slice(7)) : undefined;
    if (!token || (current.expireTokensAfterCalls !== undefined && token.calls >= current.expireTokensAfterCalls)) {
      stats.served401 += 1;
      sendJson(res, 401, { message: 'Unauthorized' });
      return false;
    }
    token.calls += 1;
    return true;
  };

  const answer = (res: ServerResponse, payload: unknown) => {
    if (!faults.take('truncateNext')) return sendJson(res, 200, payload);
    const text = JSON.stringify(payload);
    res.writeHead(200, { 'content-type': 'application/json; charset=utf-8' });
    res.end(text.slice(0, Math.floor(text.length / 2)));
  };

  const pull = (res: ServerResponse, params: URLSearchParams) => {
    const tableList = (params.get('tables') ?? CRM_TABLES.join(',')).split(',').filter((t) => t !== '');
    const unknown = tableList.filter((t) => !(CRM_TABLES as readonly string[]).includes(t));
    if (unknown.length > 0) return bad(res, `unknown tables: ${unknown.join(', ')}`);
    const sinceText = params.get('since');
    const since = sinceText === null ? Number.NaN : Date.parse(sinceText);
    if (Number.isNaN(since)) return bad(res, 'since must be an ISO-8601 time');
    const cursorText = params.get('cursor');
    const cursor = cursorText ? decodeCursor(cursorText) : null;
    if (cursorText && !cursor) return bad(res, 'cursor is not one this server gave');
    const limitText = params.get('limit');
    const limit = limitText === null ? (options.defaultPageSize ?? 100) : Number(limitText);
    if (!Number.isInteger(limit) || limit < 1 || limit > MAX_PAGE_SIZE) return bad(res, `limit must be an integer from 1 to ${MAX_PAGE_SIZE}`);
    stats.pullCalls += 1;
    stats.pullSince.push(sinceText!);
    const current = faults.current();
    const page = store.page(cursor?.since ?? since, tableList as CrmTable[], cursor?.position ?? null, limit, current.repeatPerPage ?? 0);
    stats.pulledChanges += page.changes.length;
    answer(res, {
      changes: page.changes.map(toChange),
      has_more: page.hasMore,
      next_cursor: page.next ? encodeCursor(cursor?.since ?? since, page.next) : null,
    });
    // The CRM keeps changing between calls: the next page (or run) sees these.
    if ((current.churnPerPull ?? 0) > 0) store.churn(current.churnPerPull!);
  };

  const push = (res: ServerResponse, body: unknown) => {
    const parsed = readPushBody(body);
    if (!parsed.ok) return bad(res, parsed.message);
    stats.pushCalls += 1;
    stats.pushBatchSizes.push(parsed.records.length);
    const conflicts: unknown[] = [];
    const errors: unknown[] = [];
    let synced = 0;
    for (const record of parsed.records) {
      const outcome = store.push(record.table, record.id, record.data, record.localUpdatedAt, record.isDeleted);
      if (outcome.kind === 'applied') synced += 1;
      else if (outcome.kind === 'conflict') {
        conflicts.push({
          table_name: record.table,
          record_id: record.id,
          local_data: record.data,
          server_data: outcome.server.data,
          local_updated_at: new Date(record.localUpdatedAt).toISOString(),
          server_updated_at: new Date(outcome.server.updatedAt).toISOString(),
        });
      } else errors.push({ table_name: record.table, record_id: record.id, message: outcome.message });
    }
    lastSyncAt = new Date().toISOString();
    answer(res, { success: errors.length === 0, synced_count: synced, conflicts, errors });
  };

  const resolve = (res: ServerResponse, body: unknown) => {
    const parsed = readResolveBody(body);
    if (!parsed.ok) return bad(res, parsed.message);
    stats.resolveCalls += 1;
    const record = store.resolve(parsed.table, parsed.id, parsed.resolution === 'accept_client' ? parsed.clientData : null);
    if (!record) return sendJson(res, 404, { message: `no ${parsed.table} record ${parsed.id}` });
    answer(res, { success: true, record: toChange(record) });
  };

  const syncStats = (res: ServerResponse) => {
    stats.statsCalls += 1;
    answer(res, {
      pending_queue_count: 0,
      last_sync_at: lastSyncAt,
      tables_stats: CRM_TABLES.map((table) => ({ table_name: table, record_count: store.live(table).size })),
    });
  };

  const login = (res: ServerResponse, body: unknown) => {
    const isAccepted = isRecord(body) && body.username === username && body.password === password;
    if (faults.current().loginFails || !isAccepted) {
      stats.served401 += 1;
      return sendJson(res, 401, { message: 'Invalid username or password' });
    }
    stats.logins += 1;
    const token = randomBytes(24).toString('base64url');
    tokens.set(token, { calls: 0 });
    sendJson(res, 200, { accessToken: token });
  };

  const reset = () => {
    faults.set({});
    stats = emptyStats();
    tokens.clear();
    lastSyncAt = null;
    store.regenerate();
  };

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://crm');
    const text = await readBody(req);
    const json = () => {
      const parsed = parseJson(text);
      return parsed.ok ? parsed.value : undefined;
    };
    const route = `${req.method} ${url.pathname}`;
    if (route === 'POST /api/auth/login') return login(res, json());
    if (route === 'GET /api/sync/pull-changes') return (await admit(req, res, false)) ? pull(res, url.searchParams) : undefined;
    if (route === 'POST /api/sync/batch-push') return (await admit(req, res, true)) ? push(res, json()) : undefined;
    if (route === 'POST /api/sync/resolve-conflict') return (await admit(req, res, false)) ? resolve(res, json()) : undefined;
    if (route === 'GET /api/sync/stats') return (await admit(req, res, false)) ? syncStats(res) : undefined;
    if (route === 'POST /__control/faults') {
      const result = parseCrmFaults(json());
      if (!result.ok) return sendJson(res, 400, { message: 'The request is invalid.', errors: result.errors });
      faults.set(result.faults);
      return sendJson(res, 200, { faults: faults.current() });
    }
    if (route === 'POST /__control/reset') {
      reset();
      return sendJson(res, 200, { stats });
    }
    if (route === 'GET /__control/stats') return sendJson(res, 200, stats);
    sendJson(res, 404, { message: 'Not Found' });
  };

  const served = await serve(handle, options.port ?? 0, options.host ?? '127.0.0.1', () => {
    for (const finish of pendingDelays) finish();
  });

  return {
    url: served.url,
    username,
    password,
    store,
    setFaults: (next) => faults.set(next),
    resetFaults: () => faults.set({}),
    reset,
    stats: () => structuredClone(stats),
    close: served.close,
  };
};
