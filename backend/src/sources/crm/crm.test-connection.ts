import type { WorkerSettings } from '@hamgam/shared';
import { startConnectionTest } from '../../sync/connection-test';
import { SyncError } from '../../common/sync-error';
import type { ConnectionTestOutcome } from '../../sync/source-definition';
import { CrmClient } from './crm.client';
import { readCrmOptions } from './crm.settings';

// A person is waiting for the answer: one quick retry at most, and a short limit per request.
const TEST_TIMEOUT_MS = 15_000;

/** A client for a person waiting (the connection test, the stats page): short limits, one quick retry. */
export function quickCrmClient(settings: WorkerSettings, signal: AbortSignal): CrmClient {
  const connection = settings.connection;
  if (!connection?.baseUrl || !connection.username || !connection.password) {
    throw new SyncError('auth', 'set the CRM base URL, user name and password first');
  }
  const options = readCrmOptions(settings.options);
  return new CrmClient({
    baseUrl: connection.baseUrl,
    username: connection.username,
    password: connection.password,
    requestTimeoutMs: Math.min(options.requestTimeoutMs, TEST_TIMEOUT_MS),
    maxRetries: 1,
    retryBaseMs: 200,
    signal,
  });
}

/** Logs in and reads /api/sync/stats with the given (maybe unsaved) settings. */
export async function testCrmConnection(settings: WorkerSettings, signal: AbortSignal): Promise<ConnectionTestOutcome> {
  const finish = startConnectionTest();
  try {
    const client = quickCrmClient(settings, signal);
    await client.login();
    await client.stats();
    return finish({
      isOk: true,
      errorKind: null,
      message: null,
      system: { name: 'CRM', version: null, url: settings.connection!.baseUrl, user: settings.connection!.username },
      checks: [
        { name: 'POST /api/auth/login', isAllowed: true },
        { name: 'GET /api/sync/stats', isAllowed: true },
      ],
    });
  } catch (error) {
    return finish({
      isOk: false,
      errorKind: error instanceof SyncError ? error.kind : 'internal',
      message: error instanceof Error ? error.message : String(error),
      system: null,
      checks: [],
      detail: error instanceof SyncError ? error.detail : null,
    });
  }
}

/** Rows the CRM holds per table, for the stats endpoint's `upstream`. */
export async function countCrmUpstream(settings: WorkerSettings, signal: AbortSignal): Promise<Record<string, number>> {
  const client = quickCrmClient(settings, signal);
  return (await client.stats()).tables;
}
