/** A try that did not deliver: its summary (never a secret, never the address) and whether a later try may succeed. */
export class DeliveryError extends Error {
  constructor(
    message: string,
    readonly isRetryable: boolean,
  ) {
    super(message);
    this.name = 'DeliveryError';
  }
}

/** A fetch that threw: a time-out, or the errno below HTTP (the address stays out: a webhook URL can hold a token). */
export function networkFailure(error: unknown): DeliveryError {
  if (error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError')) return new DeliveryError('no answer in time', true);
  const cause = error instanceof Error ? (error.cause as { code?: unknown } | undefined) : undefined;
  const code = typeof cause?.code === 'string' ? cause.code : null;
  return new DeliveryError(code ? `network error (${code})` : 'network error', true);
}

/** 5xx and 429 may pass later; any other refusal will not. */
export function httpFailure(status: number, what: string): DeliveryError {
  return new DeliveryError(`${what} answered HTTP ${status}`, status >= 500 || status === 429);
}
