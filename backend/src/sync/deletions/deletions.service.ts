import { ConflictException, Inject, Injectable, NotFoundException } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { DataSource, type Repository } from 'typeorm';
import type { DeletionDecisionKind, HeldDeletion, HeldDeletionQuery, Page, SyncRun } from '@hamgam/shared';
import { SyncRunEntity } from '../entities/sync-run.entity';
import { SyncEventsService } from '../events/sync-events.service';
import { containsPattern, foldForSearch, foldSqlExpression } from '../records/search-text';
import { toSyncRun } from '../run-mapper';
import { SOURCE_CATALOG, findSourceDefinition, type SourceCatalog } from '../source-catalog';
import { HeldDeletionEntity } from './held-deletion.entity';
import type { SqlDb } from '../../common/database/sql-db';
import { TypeOrmSqlDb } from '../../common/database/typeorm-sql-db';

type Decision = { by: string | null; reason: string | null };

const APPLY_BATCH = 500;

/** Deletions a run held past its source's deletion guard: listed, then applied or discarded by an admin. */
@Injectable()
export class DeletionsService {
  constructor(
    @InjectRepository(SyncRunEntity) private readonly runs: Repository<SyncRunEntity>,
    @InjectRepository(HeldDeletionEntity) private readonly held: Repository<HeldDeletionEntity>,
    private readonly dataSource: DataSource,
    private readonly events: SyncEventsService,
    @Inject(SOURCE_CATALOG) private readonly catalog: SourceCatalog,
  ) {}

  async list(runId: number, query: HeldDeletionQuery): Promise<Page<HeldDeletion>> {
    await this.findRun(runId);
    const page = query.page ?? 1;
    const pageSize = query.pageSize ?? 50;
    const text = query.q?.trim() ? foldForSearch(query.q.trim()) : '';
    const builder = this.held.createQueryBuilder('h').where('h.run_id = :runId', { runId });
    if (text) {
      builder.andWhere(`${foldSqlExpression("h.record_key || ' ' || h.record_values")} LIKE :pattern ESCAPE '\\'`, { pattern: containsPattern(text) });
    }
    const [rows, total] = await builder
      .orderBy('h.record_table')
      .addOrderBy('h.record_key')
      .skip((page - 1) * pageSize)
      .take(pageSize)
      .getManyAndCount();
    return { items: rows.map(toHeldDeletion), total, page, pageSize };
  }

  /**
   * Applies exactly the held deletions: each record still live and not seen by any run since it was held (a record
   * that came back is kept). The run becomes `success` with the deletions it applied.
   */
  async approve(runId: number, decision: Decision): Promise<SyncRun> {
    const run = await this.findAwaiting(runId);
    const loadApplier = findSourceDefinition(this.catalog, run.sourceId)?.loadDeletionApplier;
    if (!loadApplier) throw new ConflictException({ message: `source "${run.sourceId}" can no longer apply deletions` });
    const apply = await loadApplier();
    const now = new Date().toISOString();
    const db = new TypeOrmSqlDb(this.dataSource);
    const rows = await db.all<{ table: string; key: string; lastSeenRunId: string | null }>(
      'SELECT record_table AS "table", record_key AS "key", last_seen_run_id AS "lastSeenRunId" FROM held_deletions WHERE run_id = ?',
      [runId],
    );
    let applied = 0;
    // One transaction, claimed first (its first statement writes, so SQLite takes the write lock at once): a second
    // approval, a discard or a newer run's supersede racing this one finds the run no longer awaiting and changes nothing.
    await db.transaction(async (tx) => {
      await this.claim(tx, runId);
      for (let start = 0; start < rows.length; start += APPLY_BATCH) applied += await apply(tx, rows.slice(start, start + APPLY_BATCH), String(runId), now);
      await this.decide(tx, runId, 'approved', decision, now, applied);
    });
    return this.announce(runId);
  }

  /** Deletes nothing: the run becomes `success`, its held records kept (and listed) with the decision. */
  async discard(runId: number, decision: Decision): Promise<SyncRun> {
    await this.findAwaiting(runId);
    const now = new Date().toISOString();
    await new TypeOrmSqlDb(this.dataSource).transaction(async (tx) => {
      await this.claim(tx, runId);
      await this.decide(tx, runId, 'discarded', decision, now, 0);
    });
    return this.announce(runId);
  }

  private async claim(tx: SqlDb, runId: number): Promise<void> {
    const { changes } = await tx.run(`UPDATE data_syncs SET status = 'success' WHERE id = ? AND status = 'awaiting_approval'`, [runId]);
    if (changes === 0) throw new ConflictException({ message: `run ${runId} is no longer awaiting approval` });
  }

  private async decide(tx: SqlDb, runId: number, kind: DeletionDecisionKind, decision: Decision, at: string, applied: number): Promise<void> {
    await tx.run(
      `UPDATE data_syncs SET deletion_decision = ?, deletion_decided_by = ?, deletion_decision_reason = ?, deletion_decided_at = ?,
         deletions_applied = ?, deleted = deleted + ? WHERE id = ?`,
      [kind, decision.by, decision.reason, at, applied, applied, runId],
    );
  }

  private async announce(runId: number): Promise<SyncRun> {
    const run = toSyncRun(await this.findRun(runId));
    this.events.emit({ type: 'run.finished', run });
    return run;
  }

  private async findAwaiting(runId: number): Promise<SyncRunEntity> {
    const run = await this.findRun(runId);
    if (run.status !== 'awaiting_approval') {
      throw new ConflictException({ message: `run ${runId} is ${run.status}, not awaiting approval of deletions` });
    }
    return run;
  }

  private async findRun(runId: number): Promise<SyncRunEntity> {
    const run = await this.runs.findOneBy({ id: runId });
    if (!run) throw new NotFoundException(`run ${runId} does not exist`);
    return run;
  }
}

function toHeldDeletion(row: HeldDeletionEntity): HeldDeletion {
  let values: HeldDeletion['values'] = {};
  try {
    const parsed: unknown = JSON.parse(row.recordValues);
    if (typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)) values = parsed as HeldDeletion['values'];
  } catch {
    // A row that cannot be read lists its key alone.
  }
  return { table: row.recordTable, key: row.recordKey, values };
}
