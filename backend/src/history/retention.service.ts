import { Inject, Injectable, Logger } from '@nestjs/common';
import { Cron, CronExpression } from '@nestjs/schedule';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { APP_CONFIG, type AppConfig } from '../config/config';
import { claimDailyJob, dropOldClaims } from '../common/database/claims';
import { dialectOf } from '../common/database/sql-dialect';
import { placeholders } from '../common/database/sql-db';

export type RetentionResult = { runs: number; logLines: number; changes: number; runsBefore: string; logsBefore: string; changesBefore: string };

const DAY_MS = 24 * 3600 * 1000;

/**
 * Daily: removes runs older than RETENTION_RUN_DAYS and log lines of runs older than RETENTION_LOG_DAYS, always
 * keeping the last RETENTION_KEEP_RUNS runs of each source (and their logs) and every active run, and the error
 * messages no kept run has, and the change log of runs older than RETENTION_CHANGE_DAYS (and of runs no longer kept);
 * records what it removed in the audit trail; then optimizes the history's indexes.
 */
@Injectable()
export class RetentionService {
  private readonly logger = new Logger('Retention');

  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Once a day across replicas: the replica whose claim row for the day goes in first does it, the others skip. */
  @Cron(CronExpression.EVERY_DAY_AT_3AM, { name: 'history-retention' })
  async runDaily(now: Date = new Date()): Promise<boolean> {
    try {
      const day = new Intl.DateTimeFormat('en-CA', { timeZone: this.config.universityTimeZone }).format(now);
      if (!(await claimDailyJob(this.dataSource, 'history-retention', day, this.config.replicaId))) {
        this.logger.log(`retention of ${day} ran on another replica`);
        return false;
      }
      await this.purge(now);
      // Claims are worth keeping only while they can still collide.
      await dropOldClaims(this.dataSource, new Date(now.getTime() - 7 * DAY_MS));
      await this.optimizeIndexes();
    } catch (error) {
      this.logger.error(`retention failed: ${error instanceof Error ? error.message : String(error)}`);
    }
    return true;
  }

  /**
   * Merges the full-text indexes' segments (written a run at a time, a million runs leave hundreds; reading a text
   * newest first then took 6 ms instead of 2, `docs/benchmarks.md`; ~1 s at a million runs) and lets the planner's
   * statistics follow the tables' growth (SQLite re-analyses only what changed enough).
   */
  async optimizeIndexes(): Promise<void> {
    // PostgreSQL's autovacuum keeps the trigram index and the statistics up to date by itself.
    if (dialectOf(this.dataSource) === 'postgres') return;
    for (const table of ['data_syncs_fts', 'run_messages_fts']) await this.dataSource.query(`INSERT INTO ${table} (${table}) VALUES ('optimize')`);
    await this.dataSource.query('PRAGMA optimize');
  }

  async purge(now: Date = new Date()): Promise<RetentionResult> {
    const runsBefore = new Date(now.getTime() - this.config.retentionRunDays * DAY_MS).toISOString();
    const logsBefore = new Date(now.getTime() - this.config.retentionLogDays * DAY_MS).toISOString();
    const changesBefore = new Date(now.getTime() - this.config.retentionChangeDays * DAY_MS).toISOString();
    const kept = `SELECT id FROM (
        SELECT id, ROW_NUMBER() OVER (PARTITION BY source_id ORDER BY id DESC) AS position FROM data_syncs
      ) AS ranked WHERE position <= ?`;
    const sql = (text: string) => placeholders(text, this.dataSource);
    const result = await this.dataSource.transaction(async (manager) => {
      // The structured result (third argument) carries the number of deleted rows.
      const logs = await manager.queryRunner!.query(
        sql(`DELETE FROM run_log_lines WHERE run_id IN (
          SELECT id FROM data_syncs WHERE created_at < ? AND status NOT IN ('pending', 'running') AND id NOT IN (${kept})
        )`),
        [logsBefore, this.config.retentionKeepRuns],
        true,
      );
      const runs = await manager.queryRunner!.query(
        sql(`DELETE FROM data_syncs WHERE created_at < ? AND status NOT IN ('pending', 'running') AND id NOT IN (${kept})`),
        [runsBefore, this.config.retentionKeepRuns],
        true,
      );
      // The searchable list of messages (RunMessages1765000000200; PostgresHistoryIndexes1765500001100) keeps only those
      // of runs still kept. PostgreSQL: NOT EXISTS, an anti-join (NOT IN over a subquery larger than work_mem is not hashed).
      await manager.query(
        dialectOf(this.dataSource) === 'sqlite'
          ? `DELETE FROM run_messages WHERE text NOT IN (SELECT error_message FROM data_syncs WHERE error_message IS NOT NULL)`
          : `DELETE FROM run_messages m WHERE NOT EXISTS (SELECT 1 FROM data_syncs s WHERE s.error_message = m.text)`,
      );
      // The change log has a retention of its own (RunChanges1765500000100): by the run's age, whatever runs are kept.
      const changes = await manager.queryRunner!.query(
        sql(`DELETE FROM run_changes WHERE run_id IN (
          SELECT id FROM data_syncs WHERE created_at < ? AND status NOT IN ('pending', 'running')
        ) OR run_id NOT IN (SELECT id FROM data_syncs)`),
        [changesBefore],
        true,
      );
      return { logLines: logs.affected ?? 0, runs: runs.affected ?? 0, changes: changes.affected ?? 0 };
    });
    const summary = { ...result, runsBefore, logsBefore, changesBefore };
    await this.audit.record(null, {
      action: 'retention.purged',
      actor: 'system',
      target: 'data_syncs',
      details: { ...summary, keepPerSource: this.config.retentionKeepRuns },
    });
    if (result.runs + result.logLines + result.changes > 0) {
      this.logger.log(`removed ${result.runs} run(s), ${result.logLines} log line(s) and ${result.changes} logged change(s)`);
    }
    return summary;
  }
}
