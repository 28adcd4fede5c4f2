import type { ErrorKind } from '@hamgam/shared';

/** An error a worker step throws to fail the run with a kind the UI can explain. */
export class SyncError extends Error {
  constructor(
    readonly kind: ErrorKind,
    message: string,
  ) {
    super(message);
    this.name = 'SyncError';
  }
}
