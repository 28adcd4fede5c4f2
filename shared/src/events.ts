import type { Source, SyncRun } from './sync';

/** Server-sent events on `GET /api/events`; the SSE `event:` field equals `type`. */
export type ServerEvent =
  | { type: 'run.created'; run: SyncRun }
  | { type: 'run.progress'; run: SyncRun }
  | { type: 'run.finished'; run: SyncRun }
  | { type: 'source.updated'; source: Source };

export const SERVER_EVENT_TYPES = ['run.created', 'run.progress', 'run.finished', 'source.updated'] as const satisfies readonly ServerEvent['type'][];
