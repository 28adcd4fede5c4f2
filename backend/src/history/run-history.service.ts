import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository, SelectQueryBuilder } from 'typeorm';
import type { Page, RunListQuery, RunSortField, SyncRun } from '@hamgam/shared';
import { SyncRunEntity } from '../sync/entities/sync-run.entity';
import { toSyncRun } from '../sync/run-mapper';

const SORT_COLUMNS: Record<RunSortField, string> = {
  createdAt: 'run.created_at',
  durationMs: 'run.duration_ms',
  fetched: 'run.fetched',
  rejected: 'run.rejected',
};

// Counting a million matches costs ~40 ms; past this many the total is given as "more than".
export const MAX_COUNTED_RUNS = 10_000;

// Trigram full-text search needs 3 characters; shorter text falls back to a scan with LIKE.
const MIN_FTS_LENGTH = 3;

/** The run history: every run of every source, filtered, sorted and paged in SQL. */
@Injectable()
export class RunHistoryService {
  constructor(@InjectRepository(SyncRunEntity) private readonly runs: Repository<SyncRunEntity>) {}

  async list(query: RunListQuery): Promise<Page<SyncRun>> {
    const page = query.page ?? 1;
    const pageSize = query.pageSize ?? 20;
    const order = query.order === 'asc' ? 'ASC' : 'DESC';
    const sortColumn = SORT_COLUMNS[query.sort ?? 'createdAt'];
    const rows = this.filtered(query).orderBy(sortColumn, order);
    rows.addOrderBy('run.id', order);
    const [items, counted] = await Promise.all([rows.offset((page - 1) * pageSize).limit(pageSize).getMany(), this.countUpTo(query, MAX_COUNTED_RUNS + 1)]);
    const isTotalCapped = counted > MAX_COUNTED_RUNS;
    return { items: items.map(toSyncRun), total: isTotalCapped ? MAX_COUNTED_RUNS : counted, page, pageSize, isTotalCapped };
  }

  private async countUpTo(query: RunListQuery, limit: number): Promise<number> {
    const inner = this.filtered(query).select('1').limit(limit);
    const [sql, parameters] = inner.getQueryAndParameters();
    const [row] = (await this.runs.query(`SELECT COUNT(*) AS count FROM (${sql})`, parameters)) as { count: number }[];
    return Number(row.count);
  }

  /** Every matching run in creation order (newest first unless `order=asc` with the default sort), in batches. */
  async *iterate(query: RunListQuery, batchSize = 1000): AsyncGenerator<SyncRun> {
    const ascending = query.order === 'asc' && (query.sort ?? 'createdAt') === 'createdAt';
    let cursor = ascending ? 0 : Number.MAX_SAFE_INTEGER;
    for (;;) {
      const rows = await this.filtered(query)
        .andWhere(ascending ? 'run.id > :cursor' : 'run.id < :cursor', { cursor })
        .orderBy('run.id', ascending ? 'ASC' : 'DESC')
        .limit(batchSize)
        .getMany();
      for (const row of rows) yield toSyncRun(row);
      if (rows.length < batchSize) return;
      cursor = rows[rows.length - 1].id;
    }
  }

  private filtered(query: RunListQuery): SelectQueryBuilder<SyncRunEntity> {
    const builder = this.runs.createQueryBuilder('run').where('1 = 1');
    if (query.sourceId) builder.andWhere('run.source_id = :sourceId', { sourceId: query.sourceId });
    if (query.status) builder.andWhere('run.status = :status', { status: query.status });
    if (query.trigger) builder.andWhere('run.trigger = :trigger', { trigger: query.trigger });
    if (query.triggeredBy) builder.andWhere('run.triggered_by = :triggeredBy', { triggeredBy: query.triggeredBy.trim().toLowerCase() });
    if (query.from) builder.andWhere('run.created_at >= :from', { from: new Date(query.from).toISOString() });
    if (query.to) builder.andWhere('run.created_at < :to', { to: new Date(query.to).toISOString() });
    const text = query.q?.trim();
    if (text && Array.from(text).length >= MIN_FTS_LENGTH) {
      // One FTS5 string token: double quotes inside are doubled, so the text is matched literally.
      builder.andWhere('run.id IN (SELECT rowid FROM data_syncs_fts WHERE data_syncs_fts MATCH :match)', { match: `"${text.replace(/"/g, '""')}"` });
    } else if (text) {
      builder.andWhere(`run.error_message LIKE :like ESCAPE '\\'`, { like: `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%` });
    }
    return builder;
  }
}
