import { Injectable, type OnModuleInit } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';
import { SyncRunEntity } from '../entities/sync-run.entity';
import { toSyncRun } from '../run-mapper';
import { SourceViewService } from '../source-view.service';
import { SyncEventsService } from './sync-events.service';

/** Reads the run or source a by-reference event from another replica points at, from the shared database. */
@Injectable()
export class RelayedEventReader implements OnModuleInit {
  constructor(
    @InjectRepository(SyncRunEntity) private readonly runs: Repository<SyncRunEntity>,
    private readonly view: SourceViewService,
    private readonly events: SyncEventsService,
  ) {}

  onModuleInit(): void {
    this.events.setResolver(async ({ ref }) => {
      if (ref.type === 'source.updated') return { type: ref.type, source: await this.view.get(ref.sourceId) };
      const run = await this.runs.findOneBy({ id: Number(ref.runId) });
      return run ? { type: ref.type, run: toSyncRun(run) } : null;
    });
  }
}
