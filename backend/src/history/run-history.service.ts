import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository, SelectQueryBuilder } from 'typeorm';
import type { Page, RunListQuery, SyncRun } from '@hamgam/shared';
import { dialectOf, likeOperator, type SqlDialect } from '../common/database/sql-dialect';
import { MAX_ROW_ID } from '../common/database/sql-dialect';
import { SyncRunEntity } from '../sync/entities/sync-run.entity';
import { toSyncRun } from '../sync/run-mapper';
import { messagesHolding, postgresTextPlan } from './postgres-text-plan';
import {
  FEW_FILTERED_RUNS,
  FEW_TEXT_MATCHES,
  ftsPhrase,
  hasFiltersBesideText,
  likePattern,
  MANY_MESSAGES,
  matchingMessages,
  MESSAGE_FILTERS,
  searchedText,
  type MessageFilter,
  type TextPlan,
} from './text-search';

const SORT_COLUMNS = {
  createdAt: 'run.created_at',
  durationMs: 'run.duration_ms',
  fetched: 'run.fetched',
  rejected: 'run.rejected',
} as const;

// Counting a million matches costs ~40 ms: counting stops at a round number past the page asked for and five more
// (10,000 for the first pages) and the total is given as "more than" that, which is all a pager needs.
export const MAX_COUNTED_RUNS = 10_000;
// Counting a common text's matches reads the text index, a few µs a match: a text search counts by 500.
export const TEXT_COUNTED_RUNS = 500;
const PAGES_COUNTED_AHEAD = 5;

/** The run history: every run of every source, filtered, sorted and paged in SQL. */
@Injectable()
export class RunHistoryService {
  private readonly dialect: SqlDialect;

  constructor(@InjectRepository(SyncRunEntity) private readonly runs: Repository<SyncRunEntity>) {
    this.dialect = dialectOf(runs.manager.connection);
  }

  async list(query: RunListQuery): Promise<Page<SyncRun>> {
    const page = query.page ?? 1;
    const pageSize = query.pageSize ?? 20;
    const order = query.order === 'asc' ? 'ASC' : 'DESC';
    const sort = query.sort ?? 'createdAt';
    const plan = await this.textPlan(query);
    // An equality filter none of whose runs has a message holding the text: nothing matches.
    if (plan === 'none') return { items: [], total: 0, page, pageSize, isTotalCapped: false };
    // Read from the full-text index, runs come in id order, which is creation order (ids are given as runs are created).
    const rows =
      plan.items === 'drive'
        ? this.filtered(query, 'drive').orderBy('fts.rowid', order)
        : this.filtered(query, plan.items).orderBy(SORT_COLUMNS[sort], order).addOrderBy('run.id', order);
    const items = (
      await rows
        .offset((page - 1) * pageSize)
        .limit(pageSize)
        .getMany()
    ).map(toSyncRun);
    // A short page is the last one, so it tells the total without counting (an empty page past the end does not).
    if (items.length < pageSize && (items.length > 0 || page === 1))
      return { items, total: (page - 1) * pageSize + items.length, page, pageSize, isTotalCapped: false };
    // Counting a common text reads the text index (the `drive` plan), so it counts by fewer.
    const countStep = plan.count === 'drive' || plan.textCount ? TEXT_COUNTED_RUNS : MAX_COUNTED_RUNS;
    const countLimit = Math.ceil(((page + PAGES_COUNTED_AHEAD) * pageSize) / countStep) * countStep;
    const counted = await this.countUpTo(this.filtered(query, plan.count), countLimit + 1);
    const isTotalCapped = counted > countLimit;
    return { items, total: isTotalCapped ? countLimit : counted, page, pageSize, isTotalCapped };
  }

  /** Every matching run in creation order (newest first unless `order=asc` with the default sort), in batches. */
  async *iterate(query: RunListQuery, batchSize = 1000): AsyncGenerator<SyncRun> {
    const ascending = query.order === 'asc' && (query.sort ?? 'createdAt') === 'createdAt';
    // Id order is the full-text index's own order, so a text search is read from it whatever it matches.
    const text = searchedText(query);
    let plan: TextPlan = text?.indexed && this.dialect === 'sqlite' ? 'drive' : 'like';
    // PostgreSQL: the runs whose message is one of those holding the text, when they are not too many.
    if (text?.indexed && this.dialect === 'postgres') plan = (await this.messagesHolding(text.value)) ?? 'like';
    const id = plan === 'drive' ? 'fts.rowid' : 'run.id';
    let cursor = ascending ? 0 : MAX_ROW_ID;
    for (;;) {
      const rows = await this.filtered(query, plan)
        .andWhere(ascending ? `${id} > :cursor` : `${id} < :cursor`, { cursor })
        .orderBy(id, ascending ? 'ASC' : 'DESC')
        .limit(batchSize)
        .getMany();
      for (const row of rows) yield toSyncRun(row);
      if (rows.length < batchSize) return;
      cursor = rows[rows.length - 1].id;
    }
  }

  /**
   * How a text search is answered, chosen by how many runs the other filters leave and how many the text matches,
   * which SQLite cannot estimate for a full-text index. Other filters that leave few runs: each is checked. Newest
   * (or oldest) first: the index is read in id order, each match checked against the other filters, until a page —
   * cheap whether the text is rare (few to read) or common (a page comes quickly). Another sort: few text matches are
   * collected and sorted; many are checked run by run along that sort's index (they are common, so a page comes
   * quickly). Counting a common text reads the index, so it stops at TEXT_COUNTED_RUNS. Before all of these, an
   * equality filter whose runs hold few of the text's messages answers through its message index (none: nothing).
   */
  private async textPlan(query: RunListQuery): Promise<{ items: TextPlan; count: TextPlan; textCount?: boolean } | 'none'> {
    const text = searchedText(query);
    if (!text || !text.indexed) return { items: 'like', count: 'like' };
    if (this.dialect === 'postgres') {
      const fewFiltered = async () =>
        hasFiltersBesideText(query) && (await this.countUpTo(this.filtered({ ...query, q: undefined }, 'like'), FEW_FILTERED_RUNS + 1)) <= FEW_FILTERED_RUNS;
      return postgresTextPlan(query, text.value, (sql, parameters) => this.runs.query(sql, parameters), fewFiltered);
    }
    const fewest = await this.fewestRunsWithMessages(query, ftsPhrase(text.value));
    if (fewest?.runs === 0) return 'none';
    if (fewest) return { items: { messagesOf: fewest.key }, count: { messagesOf: fewest.key } };
    if (hasFiltersBesideText(query) && (await this.countUpTo(this.filtered({ ...query, q: undefined }, 'like'), FEW_FILTERED_RUNS + 1)) <= FEW_FILTERED_RUNS) {
      return { items: 'like', count: 'like' };
    }
    if ((query.sort ?? 'createdAt') === 'createdAt') return { items: 'drive', count: 'drive' };
    const [{ matches }] = (await this.runs.query(`SELECT COUNT(*) AS matches FROM (SELECT rowid FROM data_syncs_fts WHERE data_syncs_fts MATCH ? LIMIT ?)`, [
      ftsPhrase(text.value),
      FEW_TEXT_MATCHES + 1,
    ])) as { matches: number }[];
    if (Number(matches) <= FEW_TEXT_MATCHES) return { items: 'collect', count: 'collect' };
    return { items: 'like', count: 'drive' };
  }

  /**
   * The equality filter whose runs carry the fewest of the messages that hold the text, when that is at most
   * FEW_TEXT_MATCHES runs (each count stops there: a few index entries each).
   */
  private async fewestRunsWithMessages(query: RunListQuery, match: string): Promise<{ key: MessageFilter; runs: number } | null> {
    const present = (Object.keys(MESSAGE_FILTERS) as MessageFilter[]).filter((key) => query[key]);
    if (present.length === 0) return null;
    const [{ messages }] = (await this.runs.query(
      `SELECT COUNT(*) AS messages FROM (SELECT rowid FROM run_messages_fts WHERE run_messages_fts MATCH ? LIMIT ?)`,
      [match, MANY_MESSAGES + 1],
    )) as { messages: number }[];
    if (Number(messages) > MANY_MESSAGES) return null;
    let fewest: { key: MessageFilter; runs: number } | null = null;
    for (const key of present) {
      // Counted in the index alone, stopping after FEW_TEXT_MATCHES + 1 entries.
      const [{ runs }] = (await this.runs.query(`SELECT COUNT(*) AS runs FROM (${runsWithMessages(key)} LIMIT ?)`, [
        filterValue(query, key),
        match,
        FEW_TEXT_MATCHES + 1,
      ])) as { runs: number }[];
      if (Number(runs) <= FEW_TEXT_MATCHES && (!fewest || Number(runs) < fewest.runs)) fewest = { key, runs: Number(runs) };
      if (fewest?.runs === 0) break;
    }
    return fewest;
  }

  private async messagesHolding(text: string): Promise<TextPlan | null> {
    const messages = await messagesHolding(text, (sql, parameters) => this.runs.query(sql, parameters));
    return messages ? { messages } : null;
  }

  private async countUpTo(builder: SelectQueryBuilder<SyncRunEntity>, limit: number): Promise<number> {
    const [sql, parameters] = builder.select('1').limit(limit).getQueryAndParameters();
    const [row] = (await this.runs.query(`SELECT COUNT(*) AS count FROM (${sql}) AS counted`, parameters)) as { count: number }[];
    return Number(row.count);
  }

  private filtered(query: RunListQuery, plan: TextPlan): SelectQueryBuilder<SyncRunEntity> {
    const builder = this.runs.createQueryBuilder('run').where('1 = 1');
    if (query.sourceId) builder.andWhere('run.source_id = :sourceId', { sourceId: query.sourceId });
    if (query.status) builder.andWhere('run.status = :status', { status: query.status });
    if (query.trigger) builder.andWhere('run.trigger = :trigger', { trigger: query.trigger });
    if (query.triggeredBy) builder.andWhere('run.triggered_by = :triggeredBy', { triggeredBy: query.triggeredBy.trim().toLowerCase() });
    if (query.from) builder.andWhere('run.created_at >= :from', { from: new Date(query.from).toISOString() });
    if (query.to) builder.andWhere('run.created_at < :to', { to: new Date(query.to).toISOString() });
    const text = searchedText(query);
    if (!text) return builder;
    if (typeof plan === 'object' && 'ids' in plan) return builder.andWhere('run.id = ANY(:ids)', { ids: plan.ids });
    if (typeof plan === 'object' && 'messages' in plan) return builder.andWhere('run.error_message = ANY(:messages)', { messages: plan.messages });
    if (typeof plan === 'object') {
      return builder.andWhere(`run.id IN (${runsWithMessages(plan.messagesOf, ':messagesOfValue', ':match')})`, {
        messagesOfValue: filterValue(query, plan.messagesOf),
        match: ftsPhrase(text.value),
      });
    }
    if (plan === 'like') return builder.andWhere(`run.error_message ${likeOperator(this.dialect)} :like ESCAPE '\\'`, { like: likePattern(text.value) });
    if (plan === 'collect')
      return builder.andWhere('run.id IN (SELECT rowid FROM data_syncs_fts WHERE data_syncs_fts MATCH :match)', { match: ftsPhrase(text.value) });
    // The index is read first, in rowid order: `+` keeps SQLite from looking each run up in it instead (a whole MATCH per
    // run, seconds for a source's runs when the tables have no statistics yet). Its hidden column of the same name
    // takes the MATCH.
    builder.innerJoin('data_syncs_fts', 'fts', 'run.id = +fts.rowid').andWhere('fts.data_syncs_fts MATCH :match', { match: ftsPhrase(text.value) });
    // A date range bounds the ids read from the index: no run inside it has an id outside its first and last.
    if (query.from) builder.andWhere('fts.rowid >= (SELECT MIN(id) FROM data_syncs WHERE created_at >= :from)');
    if (query.to) builder.andWhere('fts.rowid <= (SELECT MAX(id) FROM data_syncs WHERE created_at < :to)');
    return builder;
  }
}

/** Ids of the runs of one equality filter (its value: `value`) whose message holds the text (the phrase: `match`), from that filter's message index. */
function runsWithMessages(key: MessageFilter, value = '?', match = '?'): string {
  return `SELECT s.id FROM data_syncs s WHERE s.${MESSAGE_FILTERS[key]} = ${value} AND s.error_message IS NOT NULL AND s.error_message IN (${matchingMessages(match)})`;
}

function filterValue(query: RunListQuery, key: MessageFilter): string | undefined {
  return key === 'triggeredBy' ? query.triggeredBy?.trim().toLowerCase() : query[key];
}
