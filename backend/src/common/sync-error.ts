import type { ErrorKind } from '@hamgam/shared';

/**
 * An error a worker step throws to fail the run with a kind the UI can explain. `detail` is the technical
 * detail for logs (an HTTP status, an upstream error code, an errno), never text an upstream sent.
 */
export class SyncError extends Error {
  constructor(
    readonly kind: ErrorKind,
    message: string,
    readonly detail: string | null = null,
  ) {
    super(message);
    this.name = 'SyncError';
  }
}
