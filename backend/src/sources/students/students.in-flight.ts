/** What a read handed out by `beforeRead` may not have seen: pages not yet committed when it was sent, and later ones. */
export type ReadTicket = { readonly pending: readonly Flight<unknown>[]; readonly next: number };
type Flight<V> = { readonly index: number; readonly entries: ReadonlyMap<string, V>; isLanded: boolean };

/**
 * The pages a worker has decided whose writes may not be committed yet, so that a page decided meanwhile sees them.
 *
 * A page's stored state is read before the page's turn to decide (on PostgreSQL the read runs while the pages before
 * it are still being written: the worker decides one page while the server writes the last). A read sees every page
 * that had committed when it was sent; what it may have missed is every page not committed then and every page decided
 * after it was sent. `missed` answers their decisions, oldest first, to lay over what was read. Laying a committed
 * page over a read that saw it changes nothing (only this worker writes these rows while its run lasts).
 */
export class InFlightPages<V> {
  private flights: Flight<V>[] = [];
  private nextIndex = 0;
  private readonly tickets = new Set<ReadTicket>();

  /** Off for a dry run: its pages are rolled back, so no page sees another's, as before pages were pipelined. */
  constructor(private readonly isEnabled = true) {}

  /** Call just before sending a read of stored state; hand the ticket to `missed` once the read has answered. */
  beforeRead(): ReadTicket {
    const ticket: ReadTicket = { pending: this.flights.filter((flight) => !flight.isLanded), next: this.nextIndex };
    if (this.isEnabled) this.tickets.add(ticket);
    return ticket;
  }

  /** The decisions the read behind `ticket` may not have seen, oldest page first. The ticket is spent. */
  missed(ticket: ReadTicket): ReadonlyMap<string, V>[] {
    if (!this.tickets.delete(ticket)) return [];
    const later = this.flights.filter((flight) => flight.index >= ticket.next);
    this.prune();
    return [...(ticket.pending as Flight<V>[]), ...later].map((flight) => flight.entries);
  }

  /** Registers a page's decisions before its writes are sent; `land` once its transaction has ended (either way). */
  add(entries: ReadonlyMap<string, V>): { land(): void } {
    if (!this.isEnabled) return { land: () => undefined };
    const flight: Flight<V> = { index: this.nextIndex, entries, isLanded: false };
    this.nextIndex += 1;
    this.flights.push(flight);
    return {
      land: () => {
        flight.isLanded = true;
        this.prune();
      },
    };
  }

  /** How many pages are kept (for tests: a long run keeps only those a read in flight may need). */
  get size(): number {
    return this.flights.length;
  }

  // A landed page is still needed by a read sent before it was decided; a ticket's own pending list keeps the others.
  private prune(): void {
    let oldest = this.nextIndex;
    for (const ticket of this.tickets) oldest = Math.min(oldest, ticket.next);
    this.flights = this.flights.filter((flight) => !flight.isLanded || flight.index >= oldest);
  }
}
