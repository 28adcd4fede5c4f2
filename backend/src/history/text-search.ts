import type { RunListQuery } from '@hamgam/shared';

/**
 * How the history answers a text search in error messages (see RunHistoryService.textPlan):
 * - `drive`: the trigram index is read in id (creation) order, each match checked against the other filters, until
 *   a page (the index's own order, so it stops early);
 * - `collect`: the index's matches are collected first, then filtered and sorted like any other runs (few matches);
 * - `like`: each run the other filters leave is checked with LIKE (few runs, a sort index read in order while the
 *   text is common, or text under 3 characters, which the index cannot search).
 */
export type TextPlan = 'collect' | 'drive' | 'like';

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
