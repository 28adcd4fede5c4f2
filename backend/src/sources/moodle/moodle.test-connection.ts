import type { WorkerSettings } from '@hamgam/shared';
import { startConnectionTest } from '../../sync/connection-test';
import { SyncError } from '../../common/sync-error';
import type { ConnectionTestOutcome } from '../../sync/source-definition';
import { MoodleClient, REQUIRED_FUNCTIONS } from './moodle.client';
import { readMoodleOptions } from './moodle.options';

// A person is waiting for the answer: one quick retry at most, and a short limit per request.
const TEST_TIMEOUT_MS = 15_000;

/** Asks core_webservice_get_site_info with the given (maybe unsaved) settings: who the site is, which needed functions the token may call. */
export async function testMoodleConnection(settings: WorkerSettings, signal: AbortSignal): Promise<ConnectionTestOutcome> {
  const finish = startConnectionTest();
  try {
    const connection = settings.connection;
    if (!connection?.baseUrl) throw new SyncError('auth', 'set the Moodle base URL first');
    const options = readMoodleOptions(settings.options);
    const client = new MoodleClient({
      baseUrl: connection.baseUrl,
      token: connection.token ?? '',
      username: connection.username,
      password: connection.password,
      service: options.service,
      requestTimeoutMs: Math.min(options.requestTimeoutMs, TEST_TIMEOUT_MS),
      maxRetries: 1,
      retryBaseMs: 200,
      signal,
    });
    const site = await client.siteInfo();
    const checks = REQUIRED_FUNCTIONS.map((name) => ({ name, isAllowed: site.functions.includes(name) }));
    const missing = checks.filter((check) => !check.isAllowed).map((check) => check.name);
    return finish({
      isOk: missing.length === 0,
      errorKind: missing.length === 0 ? null : 'auth',
      message: missing.length === 0 ? null : `the token's web service does not allow ${missing.join(', ')}`,
      system: { name: site.siteName, version: site.release ?? site.version, url: site.siteUrl, user: site.username },
      checks,
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
