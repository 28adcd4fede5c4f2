import type { RunLogLine, Source, SourceHealth, SyncRun } from './sync';

/** Server-sent events on `GET /api/events`; the SSE `event:` field equals `type`. */
export type ServerEvent =
  | { type: 'run.created'; run: SyncRun }
  | { type: 'run.progress'; run: SyncRun }
  | { type: 'run.finished'; run: SyncRun }
  | { type: 'source.updated'; source: Source }
  | { type: 'run.log'; runId: string; line: RunLogLine }
  | { type: 'source.health'; sourceId: string; health: SourceHealth };

export const SERVER_EVENT_TYPES = [
  'run.created',
  'run.progress',
  'run.finished',
  'source.updated',
  'run.log',
  'source.health',
] as const satisfies readonly ServerEvent['type'][];
