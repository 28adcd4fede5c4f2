import type { ConnectionCheck, ConnectionTestResult, ErrorKind, WorkerSettings } from '@hamgam/shared';
import { startConnectionTest } from '../../sync/connection-test';
import { HttpStatusError } from '../../common/http/json-http-client';
import { SyncError } from '../../common/sync-error';
import { GolestanClient, LOGIN_PATH } from './golestan.client';

// A person is waiting for the answer: one quick retry at most, and a short limit per request.
const TEST_TIMEOUT_MS = 15_000;

/** The small page a source reads to show its endpoint answers: `what` names it in the result ("the first faculty page"). */
export type GatewayProbe = { path: string; body: unknown; what: string };

/**
 * Logs in to the gateway with the given (maybe unsaved) settings and reads one small page. A failure says which
 * step failed and why in the panel's words (address unreachable, refused credentials, unexpected answer); the
 * gateway's own answer bodies are never quoted.
 */
export async function testGolestanConnection(
  settings: WorkerSettings,
  signal: AbortSignal,
  probe: GatewayProbe,
  requestTimeoutMs: number,
): Promise<ConnectionTestResult> {
  const checks: ConnectionCheck[] = [];
  const stamp = startConnectionTest();
  const finish = (failure: { kind: ErrorKind; message: string } | null): ConnectionTestResult =>
    stamp({ isOk: failure === null, errorKind: failure?.kind ?? null, message: failure?.message ?? null, system: null, checks });
  const connection = settings.connection;
  if (!connection?.baseUrl) return finish({ kind: 'auth', message: 'set the gateway address first' });
  const client = new GolestanClient({
    baseUrl: connection.baseUrl,
    username: connection.username,
    password: connection.password,
    requestTimeoutMs: Math.min(requestTimeoutMs, TEST_TIMEOUT_MS),
    maxRetries: 1,
    retryBaseMs: 200,
    signal,
  });
  const login = `POST ${LOGIN_PATH}`;
  try {
    await client.login();
  } catch (error) {
    checks.push({ name: login, isAllowed: false });
    return finish(describeFailure(error, 'the login'));
  }
  checks.push({ name: login, isAllowed: true });
  const read = `POST ${probe.path}`;
  try {
    await client.call(probe.path, probe.body, probe.what, (response) => client.readDataList(probe.path, probe.what, response));
  } catch (error) {
    checks.push({ name: read, isAllowed: false });
    return finish(describeFailure(error, probe.what));
  }
  checks.push({ name: read, isAllowed: true });
  return finish(null);
}

function describeFailure(error: unknown, step: string): { kind: ErrorKind; message: string } {
  if (!(error instanceof SyncError)) return { kind: 'internal', message: `${step} failed: ${error instanceof Error ? error.message : String(error)}` };
  switch (error.kind) {
    case 'network':
    case 'timeout':
      // Our own words and the socket's (refused, not found, timed out): no upstream text in them.
      return { kind: error.kind, message: `the address could not be reached: ${error.message}` };
    case 'auth':
      return step === 'the login'
        ? { kind: 'auth', message: 'the gateway refused the user name or password' }
        : { kind: 'auth', message: `the gateway accepted the login but refused ${step}` };
    case 'upstream': {
      return { kind: 'upstream', message: `the gateway gave an unexpected answer to ${step} (${whatCameBack(error)})` };
    }
    default:
      return { kind: error.kind, message: `${step} failed (${error.kind})` };
  }
}

function whatCameBack(error: SyncError): string {
  if (error instanceof HttpStatusError) return `HTTP ${error.status}`;
  if (/ not JSON\b/.test(error.message)) return 'not JSON';
  if (/ no "data" list/.test(error.message)) return 'no "data" list';
  const status = / answered (\d{3})\b/.exec(error.message)?.[1];
  return status ? `HTTP ${status}` : 'unreadable';
}
