import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { collectDefaultMetrics, Registry, type Metric } from 'prom-client';
import type { DataSource } from 'typeorm';
import { SourceEntity } from '../sync/entities/source.entity';
import { SourceHealthService } from '../sync/health/source-health.service';
import { lastSuccesses, notificationCounts, recordCounts, runCounts, runDurations, runningSources, stateValues, type DerivedMetric } from './run-metrics';

/**
 * The Prometheus registry behind `GET /metrics`. Everything about runs is read from `data_syncs` at each scrape,
 * so the figures are right after a restart and the same on every replica (see docs/decisions.md); the process's own
 * metrics are prom-client's defaults.
 */
@Injectable()
export class MetricsService {
  readonly registry = new Registry();

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly health: SourceHealthService,
  ) {
    collectDefaultMetrics({ register: this.registry });
    const runDuration = 'hamgam_sync_run_duration_seconds';
    const derived: DerivedMetric[] = [
      { name: 'hamgam_sync_runs_total', type: 'counter', help: 'Finished sync runs by source, trigger and final status', read: () => runCounts(db) },
      { name: runDuration, type: 'histogram', help: 'Duration of finished sync runs in seconds', read: () => runDurations(db, runDuration) },
      { name: 'hamgam_sync_records_total', type: 'counter', help: 'Records handled by finished runs, by source and outcome', read: () => recordCounts(db) },
      {
        name: 'hamgam_source_last_success_timestamp_seconds',
        type: 'gauge',
        help: 'Unix time at which the source last finished a successful run',
        read: () => lastSuccesses(db),
      },
      { name: 'hamgam_source_state', type: 'gauge', help: "1 for the source's current health state, 0 for the others", read: () => this.states() },
      { name: 'hamgam_sync_running', type: 'gauge', help: '1 while a run of the source is pending or running', read: () => runningSources(db) },
      {
        name: 'hamgam_notifications_total',
        type: 'counter',
        help: 'Alert deliveries that ended, by channel kind and status (sent, failed)',
        read: () => notificationCounts(db),
      },
    ];
    for (const metric of derived) this.register(metric);
  }

  metrics(): Promise<string> {
    return this.registry.metrics();
  }

  get contentType(): string {
    return this.registry.contentType;
  }

  private async states() {
    const sources = await this.db.getRepository(SourceEntity).find({ order: { id: 'ASC' } });
    const verdicts = await Promise.all(sources.map(async (source) => ({ sourceId: source.id, state: (await this.health.verdictOf(source)).health.state })));
    return stateValues(verdicts);
  }

  /**
   * prom-client renders any registered object with a name and an async `get()`; its classes keep values in
   * memory, while these are read from the database, so they are registered as such objects.
   */
  private register({ name, help, type, read }: DerivedMetric): void {
    const metric = { name, help, type, aggregator: 'sum', get: async () => ({ name, help, type, aggregator: 'sum', values: await read() }) };
    this.registry.registerMetric(metric as unknown as Metric);
  }
}
