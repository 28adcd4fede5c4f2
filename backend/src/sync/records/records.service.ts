import { Inject, Injectable, NotFoundException } from '@nestjs/common';
import type Database from 'better-sqlite3';
import { DataSource } from 'typeorm';
import type { RecordPage } from '@hamgam/shared';
import { SOURCE_CATALOG, findSourceDefinition, type SourceCatalog } from '../source-catalog';
import { SourcesService } from '../sources.service';
import type { ListRecordsDto } from './list-records.dto';
import { foldForSearch } from './search-text';

/** The data browser: pages through a source's stored records with the source's own `RecordBrowser`. */
@Injectable()
export class RecordsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly sources: SourcesService,
    @Inject(SOURCE_CATALOG) private readonly catalog: SourceCatalog,
  ) {}

  async list(sourceId: string, query: ListRecordsDto): Promise<RecordPage> {
    await this.sources.findEntity(sourceId);
    const loadBrowser = findSourceDefinition(this.catalog, sourceId)?.loadRecordBrowser;
    if (!loadBrowser) throw new NotFoundException(`source "${sourceId}" keeps no records to browse`);
    const browser = await loadBrowser();
    const page = query.page ?? 1;
    const pageSize = query.pageSize ?? 20;
    const q = query.q === undefined ? '' : foldForSearch(query.q);
    // The same better-sqlite3 connection TypeORM uses: the browsers run raw prepared statements, like the workers.
    const db = (this.dataSource.driver as unknown as { databaseConnection: Database.Database }).databaseConnection;
    const { items, total } = browser.list(db, { q: q === '' ? null : q, page, pageSize });
    return { items, total, page, pageSize, columns: [...browser.columns] };
  }
}
