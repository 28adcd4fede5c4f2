import { Inject, Injectable, NotFoundException } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';
import type { Page, RunRejection, RunRejectionQuery, RunRejectionReason } from '@hamgam/shared';
import { dialectOf, type SqlDialect } from '../../common/database/sql-dialect';
import { placeholders } from '../../common/database/sql-db';
import { containsPattern, foldForSearch } from '../records/search-text';
import { RunRejectionEntity } from '../entities/run-rejection.entity';
import { SyncRunEntity } from '../entities/sync-run.entity';
import { SOURCE_CATALOG, findSourceDefinition, type SourceCatalog } from '../source-catalog';
import type { RejectReasons } from '../source-definition';
import { reasonText } from './reject-reasons';

type Row = { record_key: string; reason: string; code: string | null; params: string | null; term: string | null; record_table: string | null };

// A key matches when the text is in the key, a parameter's value, a term, or the text of a row recorded before codes.
const MATCHES: Record<SqlDialect, string> = {
  sqlite: `(record_key LIKE ? ESCAPE '\\' OR COALESCE(term, '') LIKE ? ESCAPE '\\' OR reason LIKE ? ESCAPE '\\'
  OR EXISTS (SELECT 1 FROM json_each(CASE WHEN json_valid(params) THEN params ELSE '{}' END) WHERE json_each.value LIKE ? ESCAPE '\\'))`,
  // ILIKE: SQLite's LIKE ignores the case of ASCII letters. Parameters are written as JSON objects by the recorder.
  postgres: `(record_key ILIKE ? ESCAPE '\\' OR COALESCE(term, '') ILIKE ? ESCAPE '\\' OR reason ILIKE ? ESCAPE '\\'
  OR EXISTS (SELECT 1 FROM jsonb_each_text(CASE WHEN jsonb_typeof(COALESCE(params, '{}')::jsonb) = 'object' THEN COALESCE(params, '{}')::jsonb ELSE '{}'::jsonb END) AS p
    WHERE p.value ILIKE ? ESCAPE '\\'))`,
};
// "Any row of the key matches": PostgreSQL has no MAX over booleans.
const ANY: Record<SqlDialect, string> = { sqlite: 'MAX', postgres: 'bool_or' };

/**
 * A run's rejected records, one row per record key (a student rejected in five terms is one row listing the five),
 * in the order each key was first rejected; searched by key, value and term.
 */
@Injectable()
export class RunRejectionsService {
  constructor(
    @InjectRepository(SyncRunEntity) private readonly runs: Repository<SyncRunEntity>,
    @InjectRepository(RunRejectionEntity) private readonly rejections: Repository<RunRejectionEntity>,
    @Inject(SOURCE_CATALOG) private readonly catalog: SourceCatalog,
  ) {}

  /** The sentences of the run's source, for exports; throws 404 when the run does not exist. */
  async reasonsOf(runId: number): Promise<RejectReasons | undefined> {
    const run = await this.runs.findOneBy({ id: runId });
    if (!run) throw new NotFoundException(`run ${runId} does not exist`);
    return findSourceDefinition(this.catalog, run.sourceId)?.rejectReasons;
  }

  async list(runId: number, query: RunRejectionQuery): Promise<Page<RunRejection>> {
    const reasons = await this.reasonsOf(runId);
    const page = query.page ?? 1;
    const pageSize = query.pageSize ?? 50;
    const where = this.where(runId, query.q);
    const [{ total }] = (await this.rejections.query(
      this.sql(`SELECT COUNT(*) AS total FROM (SELECT 1 FROM run_rejections WHERE ${where.sql} GROUP BY record_key ${where.having}) AS matched`),
      where.params,
    )) as { total: number }[];
    const items = await this.keysPage(runId, reasons, where, pageSize, (page - 1) * pageSize);
    return { items, total: Number(total), page, pageSize };
  }

  /** Every matching key, a batch at a time, for an export. */
  async *iterate(runId: number, reasons: RejectReasons | undefined, q: string | undefined, batchSize = 500): AsyncGenerator<RunRejection> {
    const where = this.where(runId, q);
    for (let offset = 0; ; offset += batchSize) {
      const items = await this.keysPage(runId, reasons, where, batchSize, offset);
      yield* items;
      if (items.length < batchSize) return;
    }
  }

  private sql(text: string): string {
    return placeholders(text, this.rejections.manager.connection);
  }

  private where(runId: number, q: string | undefined): { sql: string; having: string; params: unknown[] } {
    const text = q?.trim() ? foldForSearch(q.trim()) : '';
    if (!text) return { sql: 'run_id = ?', having: '', params: [runId] };
    const pattern = containsPattern(text);
    // A key whose any row matches is listed with all of its rows.
    const dialect = dialectOf(this.rejections.manager.connection);
    return { sql: 'run_id = ?', having: `HAVING ${ANY[dialect]}(${MATCHES[dialect]})`, params: [runId, pattern, pattern, pattern, pattern] };
  }

  private async keysPage(
    runId: number,
    reasons: RejectReasons | undefined,
    where: { sql: string; having: string; params: unknown[] },
    limit: number,
    offset: number,
  ): Promise<RunRejection[]> {
    const keys = (await this.rejections.query(
      this.sql(`SELECT record_key FROM run_rejections WHERE ${where.sql} GROUP BY record_key ${where.having} ORDER BY MIN(id) LIMIT ? OFFSET ?`),
      [...where.params, limit, offset],
    )) as { record_key: string }[];
    if (keys.length === 0) return [];
    const rows = (await this.rejections.query(
      this.sql(`SELECT record_key, reason, code, params, term, record_table FROM run_rejections
       WHERE run_id = ? AND record_key IN (${keys.map(() => '?').join(', ')}) ORDER BY id`),
      [runId, ...keys.map((key) => key.record_key)],
    )) as Row[];
    const byKey = new Map<string, RunRejection>(keys.map(({ record_key }) => [record_key, { key: record_key, table: null, terms: [], reasons: [] }]));
    const seenReasons = new Map<string, Set<string>>();
    for (const row of rows) {
      const entry = byKey.get(row.record_key)!;
      entry.table ??= row.record_table;
      if (row.term !== null && !entry.terms.includes(row.term)) entry.terms.push(row.term);
      const signature = `${row.code ?? ''}\u0000${row.params ?? ''}\u0000${row.reason}`;
      const seen = seenReasons.get(row.record_key) ?? new Set<string>();
      seenReasons.set(row.record_key, seen);
      if (seen.has(signature)) continue;
      seen.add(signature);
      entry.reasons.push(toReason(row, reasons));
    }
    for (const entry of byKey.values()) entry.terms.sort();
    return [...byKey.values()];
  }
}

function toReason(row: Row, reasons: RejectReasons | undefined): RunRejectionReason {
  const params = parseParams(row.params);
  return { code: row.code, params, text: reasonText(reasons, row.code, params, row.reason) };
}

function parseParams(json: string | null): Record<string, string | number> {
  if (json === null) return {};
  try {
    const value: unknown = JSON.parse(json);
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, string | number>) : {};
  } catch {
    return {};
  }
}
