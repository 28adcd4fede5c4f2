import type { RunListQuery } from '@hamgam/shared';
import { FEW_TEXT_MATCHES, likePattern, MANY_MESSAGES, MESSAGE_FILTERS, type MessageFilter, type TextPlan } from './text-search';

type Query = (sql: string, parameters: unknown[]) => Promise<unknown>;

/** A text search's plan on PostgreSQL (RunHistoryService.textPlan), and what its count is counted by. */
export type PostgresTextPlan = { items: TextPlan; count: TextPlan; textCount: boolean } | 'none';

/**
 * The same choices as SQLite's (and so the same totals), through the runs' distinct messages (`run_messages`,
 * migration PostgresHistoryIndexes1765500001100):
 * - the messages holding the text are found first (pg_trgm over a few thousand rows); none: nothing matches;
 * - an equality filter whose runs carry at most FEW_TEXT_MATCHES of them answers by those runs' ids, read in its
 *   message index (a text in 50,000 runs but 20 of one source's: 20 index entries, not 50,000 trigram matches);
 * - otherwise the text is `error_message = ANY(messages)`: the planner weighs the values from its statistics (a
 *   common message: along the sort's index; a rare one: its runs first), and a count reads the message index;
 * - more than MANY_MESSAGES messages: ILIKE over the runs, as the trigram index or a sort index is cheaper.
 * `fewFiltered` tells whether the other filters leave few runs (SQLite then counts exactly, not by the text step).
 */
export async function postgresTextPlan(query: RunListQuery, text: string, run: Query, fewFiltered: () => Promise<boolean>): Promise<PostgresTextPlan> {
  const messages = await messagesHolding(text, run);
  if (messages?.length === 0) return 'none';
  if (!messages) return { items: 'like', count: 'like', textCount: !(await fewFiltered()) };
  let fewest: number[] | null = null;
  for (const key of Object.keys(MESSAGE_FILTERS) as MessageFilter[]) {
    const value = key === 'triggeredBy' ? query.triggeredBy?.trim().toLowerCase() : query[key];
    if (!value) continue;
    const ids = await runsWithMessages(MESSAGE_FILTERS[key], value, messages, run);
    if (ids.length === 0) return 'none';
    if (ids.length <= FEW_TEXT_MATCHES && (!fewest || ids.length < fewest.length)) fewest = ids;
  }
  if (fewest) return { items: { ids: fewest }, count: { ids: fewest }, textCount: false };
  return { items: { messages }, count: { messages }, textCount: !(await fewFiltered()) };
}

/** The distinct run messages that hold the text, or null past MANY_MESSAGES (then ILIKE over the runs is cheaper). */
export async function messagesHolding(text: string, run: Query): Promise<string[] | null> {
  // `folded LIKE lower(pattern)` is what ILIKE does on this (multibyte) database, with the lower case stored.
  const rows = (await run(`SELECT text FROM run_messages WHERE folded LIKE lower($1) ESCAPE '\\' LIMIT $2`, [likePattern(text), MANY_MESSAGES + 1])) as {
    text: string;
  }[];
  return rows.length > MANY_MESSAGES ? null : rows.map((row) => row.text);
}

// Looking up each of 5,000 messages in a filter's message index cost ~45 ms (under load); reading the filter's own
// entries when they are fewer is bounded by that number.
const MANY_PROBES = 100;

/** Ids of up to FEW_TEXT_MATCHES + 1 runs of one equality filter whose message is one of these, in its message index. */
async function runsWithMessages(column: string, value: string, messages: string[], run: Query): Promise<number[]> {
  if (messages.length > MANY_PROBES) {
    const entries = (await run(`SELECT s.id, s.error_message FROM data_syncs s WHERE s.${column} = $1 AND s.error_message IS NOT NULL LIMIT $2`, [
      value,
      messages.length + 1,
    ])) as { id: number; error_message: string }[];
    if (entries.length <= messages.length) {
      const wanted = new Set(messages);
      return entries
        .filter((entry) => wanted.has(entry.error_message))
        .slice(0, FEW_TEXT_MATCHES + 1)
        .map((entry) => Number(entry.id));
    }
  }
  const rows = (await run(`SELECT s.id FROM data_syncs s WHERE s.${column} = $1 AND s.error_message IS NOT NULL AND s.error_message = ANY($2) LIMIT $3`, [
    value,
    messages,
    FEW_TEXT_MATCHES + 1,
  ])) as { id: number }[];
  return rows.map((row) => Number(row.id));
}
