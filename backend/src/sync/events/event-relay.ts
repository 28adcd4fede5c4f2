import type { ServerEvent } from '@hamgam/shared';
import { MAX_BUS_PAYLOAD_BYTES } from '../../common/replicas/replica-bus';

/**
 * A server event as it crosses to other replicas: whole when it fits a NOTIFY, otherwise by reference (the run or
 * source it is about, which the receiver reads from the shared database), and a long log line cut short.
 */
export type RelayedEvent =
  | { event: ServerEvent }
  | { ref: { type: 'run.created' | 'run.progress' | 'run.finished'; runId: string } }
  | { ref: { type: 'source.updated'; sourceId: string } };

// Room left for the envelope (replica id, topic) around the relayed event.
const MAX_EVENT_BYTES = MAX_BUS_PAYLOAD_BYTES - 200;
const LOG_LINE_CHARS = 1000;

const bytesOf = (value: unknown) => Buffer.byteLength(JSON.stringify(value));

export function relayedEvent(event: ServerEvent): RelayedEvent | null {
  if (bytesOf(event) <= MAX_EVENT_BYTES) return { event };
  switch (event.type) {
    case 'run.created':
    case 'run.progress':
    case 'run.finished':
      return { ref: { type: event.type, runId: event.run.id } };
    case 'source.updated':
      return { ref: { type: 'source.updated', sourceId: event.source.id } };
    case 'run.log': {
      // At most 4 bytes a character: 1,000 characters always fit; the stored line stays whole.
      const message = Array.from(event.line.message).slice(0, LOG_LINE_CHARS).join('') + '…';
      return { event: { ...event, line: { ...event.line, message } } };
    }
    default:
      // Health and data-changed events are small; one that is not is not relayed (the page reloads it on focus).
      return null;
  }
}

export function isRelayedEvent(value: unknown): value is RelayedEvent {
  if (typeof value !== 'object' || value === null) return false;
  const relayed = value as Record<string, unknown>;
  const inner = (relayed.event ?? relayed.ref) as Record<string, unknown> | undefined;
  return typeof inner === 'object' && inner !== null && typeof inner.type === 'string';
}
