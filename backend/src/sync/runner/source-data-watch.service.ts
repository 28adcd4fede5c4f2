import { Inject, Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { SOURCE_DATA_PARTS, type SourceDataPart } from '@hamgam/shared';
import { SyncEventsService } from '../events/sync-events.service';
import { SOURCE_CATALOG, findSourceDefinition, type SourceCatalog } from '../source-catalog';
import { TypeOrmSqlDb } from '../../common/database/typeorm-sql-db';

type Watched = { sourceId: string; marks: Record<SourceDataPart, string> };

/**
 * A run's worker changes a two-way source's outbox and conflicts in another process: while the run is active the
 * API compares the source's data marks at each progress message and at the run's end, and tells open pages which
 * parts changed (`source.data-changed`).
 */
@Injectable()
export class SourceDataWatch {
  private readonly logger = new Logger(SourceDataWatch.name);
  private readonly watched = new Map<number, Watched>();

  constructor(
    private readonly dataSource: DataSource,
    @Inject(SOURCE_CATALOG) private readonly catalog: SourceCatalog,
    private readonly events: SyncEventsService,
  ) {}

  /** Starts watching a run of a source that declares data marks; other sources are left alone. */
  async begin(runId: number, sourceId: string): Promise<void> {
    const marks = await this.read(sourceId);
    if (marks) this.watched.set(runId, { sourceId, marks });
  }

  /** Sends `source.data-changed` when a part's mark moved since the last check; `isLast` ends the watch. */
  async check(runId: number, isLast = false): Promise<void> {
    const watched = this.watched.get(runId);
    if (!watched) return;
    if (isLast) this.watched.delete(runId);
    const marks = await this.read(watched.sourceId);
    if (!marks) return;
    const parts = SOURCE_DATA_PARTS.filter((part) => marks[part] !== watched.marks[part]);
    watched.marks = marks;
    if (parts.length > 0) this.events.emit({ type: 'source.data-changed', sourceId: watched.sourceId, parts });
  }

  private async read(sourceId: string): Promise<Record<SourceDataPart, string> | null> {
    const dataMarks = findSourceDefinition(this.catalog, sourceId)?.dataMarks;
    if (!dataMarks) return null;
    try {
      return await dataMarks(new TypeOrmSqlDb(this.dataSource));
    } catch (error) {
      // A page misses a refresh; the run goes on.
      this.logger.warn(`could not read the data marks of ${sourceId}: ${String(error)}`);
      return null;
    }
  }
}
