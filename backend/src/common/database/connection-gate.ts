import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * One transaction at a time on a connection, and nothing else while it is open: a worker's calls run side by side
 * (students fetch four pages at once) but share its one connection, and a statement sent while another caller's
 * transaction is open would run inside it (and be rolled back with a dry run's batch). Statements of the transaction's
 * own work (its async context, `AsyncLocalStorage`) pass; others wait until it ends.
 */
export class ConnectionGate {
  private readonly scope = new AsyncLocalStorage<ConnectionGate>();
  private tail: Promise<void> = Promise.resolve();
  private isOpen = false;

  /** True when a statement must wait: another caller's transaction is open. */
  mustWait(): boolean {
    return this.isOpen && this.scope.getStore() !== this;
  }

  /** True inside the work of this connection's open transaction. */
  isInside(): boolean {
    return this.scope.getStore() === this;
  }

  /** Waits until no other caller's transaction is open. */
  async idle(): Promise<void> {
    while (this.mustWait()) await this.tail;
  }

  /** Runs `work` as the connection's one open transaction, after those queued before it. */
  async hold<T>(work: () => Promise<T>): Promise<T> {
    if (this.isInside()) throw new Error('a transaction is already open on this connection');
    const previous = this.tail;
    let release!: () => void;
    this.tail = new Promise<void>((resolve) => {
      release = resolve;
    });
    await previous;
    this.isOpen = true;
    try {
      return await this.scope.run(this, work);
    } finally {
      this.isOpen = false;
      release();
    }
  }
}
