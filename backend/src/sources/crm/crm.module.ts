import { Module } from '@nestjs/common';
import { SyncModule } from '../../sync/sync.module';
import { CrmController } from './crm.controller';
import { CrmService } from './crm.service';

/** The CRM's own endpoints (links, outbox, conflicts) beside the core's source routes. */
@Module({ imports: [SyncModule], controllers: [CrmController], providers: [CrmService] })
export class CrmModule {}
