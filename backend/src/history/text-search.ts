import type { RunListQuery } from '@hamgam/shared';

/**
 * How the history answers a text search in error messages (see RunHistoryService.textPlan):
 * - `{ messagesOf }`: the distinct messages holding the text are found, then the runs of one equality filter with
 *   those messages, in that filter's message index — exact and cheap while they are few, even when the text is in
 *   50,000 other runs;
 * - `drive`: the trigram index is read in id (creation) order, each match checked against the other filters, until
 *   a page (the index's own order, so it stops early);
 * - `collect`: the index's matches are collected first, then filtered and sorted like any other runs (few matches);
 * - `like`: each run the other filters leave is checked with LIKE (few runs, a sort index read in order while the
 *   text is common, or text under 3 characters, which the index cannot search).
 */
export type TextPlan = 'collect' | 'drive' | 'like' | { messagesOf: MessageFilter } | PostgresOnlyPlan;
/** PostgreSQL's (postgres-text-plan.ts): the runs by id, or the runs whose message is one of these. */
export type PostgresOnlyPlan = { ids: number[] } | { messages: string[] };

/** The equality filters with an index over the runs' error messages (migration RunMessages1765000000200). */
export const MESSAGE_FILTERS = { sourceId: 'source_id', status: 'status', trigger: 'trigger', triggeredBy: 'triggered_by' } as const;
export type MessageFilter = keyof typeof MESSAGE_FILTERS;

// Past this many distinct messages holding the text (messages with ids or row numbers in them), looking each up
// in a filter's index costs more than reading the runs.
export const MANY_MESSAGES = 5_000;

/** The distinct error messages that hold the text (the phrase's parameter: `match`), for `error_message IN (…)`. */
export function matchingMessages(match: string): string {
  return `SELECT m.text FROM run_messages_fts mf JOIN run_messages m ON m.id = mf.rowid WHERE mf.run_messages_fts MATCH ${match}`;
}

// Collecting 500 matches costs a couple of ms; collecting 50,000 costs ~250 ms (measured, docs/benchmarks.md).
export const FEW_TEXT_MATCHES = 500;
// Checking 5,000 runs' messages with LIKE costs a few ms.
export const FEW_FILTERED_RUNS = 5_000;

// Trigram full-text search needs 3 characters; shorter text is matched with LIKE.
const MIN_FTS_LENGTH = 3;

export function searchedText(query: RunListQuery): { value: string; indexed: boolean } | null {
  const value = query.q?.trim();
  return value ? { value, indexed: Array.from(value).length >= MIN_FTS_LENGTH } : null;
}

export function hasFiltersBesideText(query: RunListQuery): boolean {
  return Boolean(query.sourceId || query.status || query.trigger || query.triggeredBy || query.from || query.to);
}

/** One FTS5 string token: double quotes inside are doubled, so the text is matched literally. */
export function ftsPhrase(text: string): string {
  return `"${text.replace(/"/g, '""')}"`;
}

/** A LIKE pattern matching the text anywhere, with `\` escaping LIKE's own wildcards. */
export function likePattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}
