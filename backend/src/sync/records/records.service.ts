import { BadRequestException, Inject, Injectable, Logger, NotFoundException } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { RecordPage, SourceStats } from '@hamgam/shared';
import { SOURCE_CATALOG, findSourceDefinition, type SourceCatalog } from '../source-catalog';
import type { RecordTable } from '../source-definition';
import { SourceSettingsService } from '../source-settings.service';
import type { ListRecordsDto } from './list-records.dto';
import { foldForSearch } from './search-text';
import { TypeOrmSqlDb } from '../../common/database/typeorm-sql-db';

const UPSTREAM_COUNT_LIMIT_MS = 10_000;

/** The data browser: pages through and counts a source's record tables with the source's own `RecordBrowser`s. */
@Injectable()
export class RecordsService {
  private readonly logger = new Logger(RecordsService.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly sources: SourceSettingsService,
    @Inject(SOURCE_CATALOG) private readonly catalog: SourceCatalog,
  ) {}

  async list(sourceId: string, query: ListRecordsDto): Promise<RecordPage> {
    const tables = await this.recordTables(sourceId);
    if (tables.length === 0) throw new NotFoundException(`source "${sourceId}" keeps no records to browse`);
    const table = query.table === undefined ? tables[0] : tables.find((candidate) => candidate.id === query.table);
    if (!table) {
      const message = `table must be one of: ${tables.map((candidate) => candidate.id).join(', ')}`;
      throw new BadRequestException({ message, fields: { table: [message] } });
    }
    const browser = await table.load();
    const page = query.page ?? 1;
    const pageSize = query.pageSize ?? 20;
    const q = query.q === undefined ? '' : foldForSearch(query.q);
    const { items, total } = await browser.list(this.db(), { q: q === '' ? null : q, page, pageSize });
    return { items, total, page, pageSize, table: table.id, columns: [...table.columns] };
  }

  async stats(sourceId: string): Promise<SourceStats> {
    const tables = await this.recordTables(sourceId);
    const upstream = await this.upstreamCounts(sourceId);
    const counts = [];
    for (const table of tables) {
      const browser = await table.load();
      counts.push({ table: table.id, ...(await browser.count(this.db())), upstream: upstream?.[table.id] ?? null });
    }
    const pending = (await findSourceDefinition(this.catalog, sourceId)?.countPending?.(this.db())) ?? { pendingPush: 0, openConflicts: 0 };
    return { tables: counts, ...pending };
  }

  // Asked live, with a short limit: the stats page must answer even when the upstream does not.
  private async upstreamCounts(sourceId: string): Promise<Record<string, number> | null> {
    const countUpstream = findSourceDefinition(this.catalog, sourceId)?.countUpstream;
    if (!countUpstream) return null;
    const settings = this.sources.workerSettings(await this.sources.findEntity(sourceId));
    if (settings.connection === null) return null;
    try {
      return await countUpstream(settings, AbortSignal.timeout(UPSTREAM_COUNT_LIMIT_MS));
    } catch (error) {
      this.logger.warn(`could not count the upstream rows of ${sourceId}: ${error instanceof Error ? error.message : String(error)}`);
      return null;
    }
  }

  private async recordTables(sourceId: string): Promise<readonly RecordTable[]> {
    await this.sources.findEntity(sourceId);
    return findSourceDefinition(this.catalog, sourceId)?.recordTables ?? [];
  }

  // TypeORM's connection, either database: the browsers run the same SQL as the workers.
  private db(): TypeOrmSqlDb {
    return new TypeOrmSqlDb(this.dataSource);
  }
}
