import { BadRequestException, Inject, Injectable, NotFoundException } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { DataSource, type Repository } from 'typeorm';
import type { SqlValue } from '../../common/database/sql-db';
import { TypeOrmSqlDb } from '../../common/database/typeorm-sql-db';
import type { ChangeKind, FieldChange, Page, RecordChange, RecordHistoryEntry, RecordHistoryQuery, RunChangePage, RunChangeQuery } from '@hamgam/shared';
import { SyncRunEntity } from '../entities/sync-run.entity';
import { containsPattern, foldForSearch, foldSqlExpression } from '../records/search-text';
import { SOURCE_CATALOG, findSourceDefinition, type SourceCatalog } from '../source-catalog';
import { SourceSettingsService } from '../source-settings.service';
import { KIND_CODES, kindOfCode } from './change-codes';
import type { StoredDiff } from './record-diff';

type ChangeRow = { kind: number; record_table: string; record_key: string; diff: string | null };
type HistoryRow = ChangeRow & { run_id: number; started_at: string | null; created_at: string };
/** Sensitive fields by record table, as the source declares them now. */
type SensitiveFields = ReadonlyMap<string, ReadonlySet<string>>;

/**
 * Reads the change log: a run's changes (`GET /api/runs/:id/changes`) and a record's changes across runs. Fields the
 * source declares sensitive are answered without values even if an older run stored them.
 */
@Injectable()
export class RunChangesService {
  private readonly sql: TypeOrmSqlDb;

  constructor(
    dataSource: DataSource,
    private readonly sources: SourceSettingsService,
    @InjectRepository(SyncRunEntity) private readonly runs: Repository<SyncRunEntity>,
    @Inject(SOURCE_CATALOG) private readonly catalog: SourceCatalog,
  ) {
    this.sql = new TypeOrmSqlDb(dataSource);
  }

  async list(runId: number, query: RunChangeQuery): Promise<RunChangePage> {
    const run = await this.runs.findOneBy({ id: runId });
    if (!run) throw new NotFoundException(`run ${runId} does not exist`);
    const page = query.page ?? 1;
    const pageSize = query.pageSize ?? 50;
    const totals: Record<ChangeKind, number> = { inserted: 0, updated: 0, deleted: 0 };
    const counts = await this.sql.all<{ kind: number; n: number }>(
      'SELECT kind, CAST(COUNT(*) AS INTEGER) AS n FROM run_changes WHERE run_id = ? GROUP BY kind',
      [runId],
    );
    for (const { kind, n } of counts) totals[kindOfCode(kind)] = Number(n);

    const conditions = ['c.run_id = ?'];
    const params: SqlValue[] = [runId];
    if (query.kind) {
      conditions.push('c.kind = ?');
      params.push(KIND_CODES[query.kind]);
    }
    const text = query.q?.trim() ? foldForSearch(query.q.trim()) : '';
    if (text) {
      const pattern = containsPattern(text);
      conditions.push(`(${foldSqlExpression('c.record_key')} LIKE ? ESCAPE '\\' OR ${foldSqlExpression("COALESCE(c.diff, '')")} LIKE ? ESCAPE '\\')`);
      params.push(pattern, pattern);
    }
    const where = conditions.join(' AND ');
    const { total } = (await this.sql.get<{ total: number }>(`SELECT CAST(COUNT(*) AS INTEGER) AS total FROM run_changes c WHERE ${where}`, params))!;
    const rows = await this.sql.all<ChangeRow>(
      `SELECT c.kind, t.record_table, c.record_key, c.diff FROM run_changes c JOIN change_tables t ON t.id = c.table_id
       WHERE ${where} ORDER BY c.seq LIMIT ? OFFSET ?`,
      [...params, pageSize, (page - 1) * pageSize],
    );
    const sensitive = this.sensitiveFields(run.sourceId);
    return { items: rows.map((row) => toChange(row, sensitive)), total: Number(total), page, pageSize, totals };
  }

  /** The changes of one record across runs, newest first; 404 for an unknown source, 400 for a table it does not have. */
  async history(sourceId: string, table: string, key: string, query: RecordHistoryQuery): Promise<Page<RecordHistoryEntry>> {
    await this.sources.findEntity(sourceId);
    const tables = findSourceDefinition(this.catalog, sourceId)?.recordTables ?? [];
    if (!tables.some((candidate) => candidate.id === table)) {
      const message = tables.length === 0 ? `source "${sourceId}" keeps no records` : `table must be one of: ${tables.map((t) => t.id).join(', ')}`;
      throw new BadRequestException({ message, fields: { table: [message] } });
    }
    const page = query.page ?? 1;
    const pageSize = query.pageSize ?? 20;
    const where = `c.table_id = (SELECT id FROM change_tables WHERE source_id = ? AND record_table = ?) AND c.record_key = ?`;
    const params = [sourceId, table, key];
    const { total } = (await this.sql.get<{ total: number }>(`SELECT CAST(COUNT(*) AS INTEGER) AS total FROM run_changes c WHERE ${where}`, params))!;
    const rows = await this.sql.all<HistoryRow>(
      `SELECT c.run_id, c.kind, CAST(? AS TEXT) AS record_table, c.record_key, c.diff, r.started_at, r.created_at
       FROM run_changes c JOIN data_syncs r ON r.id = c.run_id
       WHERE ${where} ORDER BY c.run_id DESC, c.seq DESC LIMIT ? OFFSET ?`,
      [table, ...params, pageSize, (page - 1) * pageSize],
    );
    const sensitive = this.sensitiveFields(sourceId);
    const items = rows.map((row) => ({ ...toChange(row, sensitive), runId: String(row.run_id), runStartedAt: row.started_at ?? row.created_at }));
    return { items, total: Number(total), page, pageSize };
  }

  private sensitiveFields(sourceId: string): SensitiveFields {
    const tables = findSourceDefinition(this.catalog, sourceId)?.recordTables ?? [];
    return new Map(tables.map((table) => [table.id, new Set(table.sensitive ?? [])]));
  }
}

function toChange(row: ChangeRow, sensitive: SensitiveFields): RecordChange {
  const hidden = sensitive.get(row.record_table) ?? new Set<string>();
  const diff = row.diff === null ? {} : (JSON.parse(row.diff) as StoredDiff);
  const fields: FieldChange[] = Object.entries(diff).map(([field, values]) =>
    values === 0 || hidden.has(field)
      ? { field, before: null, after: null, isSensitive: true }
      : { field, before: values[0], after: values[1], isSensitive: false },
  );
  return { kind: kindOfCode(row.kind), table: row.record_table, key: row.record_key, fields };
}
