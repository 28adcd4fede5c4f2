import { SyncError } from '../../sync/source-definition';
import { retryAfterMs } from './backoff';
import { abortError, TransientError, withRetry, type RetryOptions } from './retry';

export type PostJsonOptions = {
  headers?: Record<string, string>;
  /** Limit for one attempt, connection through the last byte of the body. */
  timeoutMs: number;
  /** The run's signal: aborting it ends the request at once with a `cancelled` error. */
  signal?: AbortSignal;
  /** Values (password, token) removed from any upstream text quoted in an error message. */
  secrets?: string[];
};

export type JsonResponse = { status: number; body: unknown };

/** A non-retryable HTTP status (4xx other than 429): the caller decides, e.g. logs in again on 401. */
export class HttpStatusError extends SyncError {
  constructor(
    kind: SyncError['kind'],
    message: string,
    readonly status: number,
  ) {
    super(kind, message);
    this.name = 'HttpStatusError';
  }
}

const BODY_SNIPPET_CHARS = 200;

/**
 * One POST with a JSON body and a JSON answer. Throws `TransientError` for what a retry may cure (network,
 * timeout, 5xx, 429, a 2xx whose body is not JSON), `HttpStatusError` for other 4xx, `SyncError('cancelled')`
 * when the run's signal aborts.
 */
export async function postJson(url: string, body: unknown, options: PostJsonOptions): Promise<JsonResponse> {
  const target = describeUrl(url);
  const timeout = AbortSignal.timeout(options.timeoutMs);
  const signal = options.signal ? AbortSignal.any([options.signal, timeout]) : timeout;
  let status: number;
  let retryAfter: string | null;
  let text: string;
  try {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json', ...options.headers },
      body: JSON.stringify(body),
      signal,
    });
    status = response.status;
    retryAfter = response.headers.get('retry-after');
    text = await response.text();
  } catch (error) {
    if (options.signal?.aborted) throw abortError(options.signal);
    if (timeout.aborted) throw new TransientError('timeout', `${target} did not answer within ${options.timeoutMs} ms`);
    const cause = redactSecrets(networkCause(error).split(url).join(target), options.secrets ?? []);
    throw new TransientError('network', `${target} failed: ${cause}`);
  }

  const quote = () => snippet(text, options.secrets ?? []);
  if (status === 429 || status >= 500) {
    throw new TransientError('upstream', `${target} answered ${status}${quote()}`, retryAfterMs(retryAfter));
  }
  if (status === 401 || status === 403) throw new HttpStatusError('auth', `${target} answered ${status}${quote()}`, status);
  if (status < 200 || status >= 300) {
    throw new HttpStatusError('upstream', `${target} answered ${status}${quote()}`, status);
  }
  try {
    return { status, body: JSON.parse(text) as unknown };
  } catch {
    // Not quoted: a cut-off success body is the data itself, personal details included.
    throw new TransientError('upstream', `${target} answered ${status} with a body that is not JSON (${Buffer.byteLength(text)} bytes)`);
  }
}

/** `postJson` with retries (exponential backoff with full jitter, Retry-After honoured up to a cap). */
export function postJsonWithRetry(
  url: string,
  body: unknown,
  options: PostJsonOptions & Omit<RetryOptions, 'signal'>,
): Promise<JsonResponse> {
  return withRetry(() => postJson(url, body, options), { ...options, signal: options.signal });
}

/** `POST origin/path` without the query string, where tokens may hide; a URL with user info is refused. */
export function describeUrl(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new SyncError('network', 'the base URL is not a valid URL');
  }
  if (parsed.username || parsed.password) {
    throw new SyncError('network', 'the base URL must not contain a user name or password');
  }
  return `POST ${parsed.origin}${parsed.pathname}`;
}

/** Replaces every secret and every JSON-looking password/token value in `text`. */
export function redactSecrets(text: string, secrets: readonly string[]): string {
  let result = text.replace(
    /("(?:password|passwd|pass|token|access_?token|refresh_?token|secret|authorization)"\s*:\s*)"[^"]*"/gi,
    '$1"***"',
  );
  result = result.replace(/(bearer\s+)[A-Za-z0-9._~+/=-]+/gi, '$1***');
  for (const secret of secrets) {
    if (secret.length > 0) result = result.split(secret).join('***');
  }
  return result;
}

function snippet(text: string, secrets: readonly string[]): string {
  const flat = redactSecrets(text, secrets).replace(/\s+/g, ' ').trim();
  if (!flat) return '';
  return `: ${flat.length > BODY_SNIPPET_CHARS ? flat.slice(0, BODY_SNIPPET_CHARS) + '…' : flat}`;
}

// undici reports "fetch failed" and hides the useful part (ECONNREFUSED, ENOTFOUND …) in `cause`.
function networkCause(error: unknown): string {
  const cause = error instanceof Error && error.cause instanceof Error ? error.cause : error;
  const code = (cause as { code?: unknown } | null)?.code;
  if (typeof code === 'string') return code;
  return cause instanceof Error ? cause.message : 'unknown network error';
}
