import type { RunLogLine, Source, SourceHealth, SyncRun } from './sync';

/** Server-sent events on `GET /api/events`; the SSE `event:` field equals `type`. */
export type ServerEvent =
  | { type: 'run.created'; run: SyncRun }
  | { type: 'run.progress'; run: SyncRun }
  | { type: 'run.finished'; run: SyncRun }
  | { type: 'source.updated'; source: Source }
  | { type: 'run.log'; runId: string; line: RunLogLine }
  | { type: 'source.health'; sourceId: string; health: SourceHealth }
  | { type: 'source.data-changed'; sourceId: string; parts: SourceDataPart[] };

/**
 * A two-way source's own data beside its records: `outbox` (local changes waiting or pushed, links among them)
 * and `conflicts` (open or resolved). `source.data-changed` names the parts that changed.
 */
export const SOURCE_DATA_PARTS = ['outbox', 'conflicts'] as const;
export type SourceDataPart = (typeof SOURCE_DATA_PARTS)[number];

export const SERVER_EVENT_TYPES = [
  'run.created',
  'run.progress',
  'run.finished',
  'source.updated',
  'run.log',
  'source.health',
  'source.data-changed',
] as const satisfies readonly ServerEvent['type'][];
