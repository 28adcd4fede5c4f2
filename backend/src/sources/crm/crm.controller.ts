import { Body, Controller, Get, HttpCode, Param, Post, Query, Req } from '@nestjs/common';
import { ApiAcceptedResponse, ApiBadRequestResponse, ApiConflictResponse, ApiTags } from '@nestjs/swagger';
import type { CrmConflict, CrmLinkSuggestion, CrmOutboxItem, CrmWatermark } from '@hamgam/shared';
import { AuditService } from '../../audit/audit.service';
import type { AuthenticatedRequest } from '../../common/session-user';
import { SyncEventsService } from '../../sync/events/sync-events.service';
import { CrmConflictsQueryDto, CrmLinkDto, CrmResolveDto } from './dto/crm-link.dto';
import { CrmService } from './crm.service';

@ApiTags('crm')
@Controller('sources/crm')
export class CrmController {
  constructor(
    private readonly crm: CrmService,
    private readonly audit: AuditService,
    private readonly events: SyncEventsService,
  ) {}

  @Post('links')
  @HttpCode(202)
  @ApiAcceptedResponse({ description: 'The queued change' })
  @ApiBadRequestResponse({ description: 'Unknown contact (`fields.contactId`) or student (`fields.studentNumber`)' })
  async link(@Body() dto: CrmLinkDto, @Req() request: AuthenticatedRequest): Promise<CrmOutboxItem> {
    const queued = await this.crm.link(dto.contactId, dto.studentNumber, request.user?.username ?? null);
    await this.audit.record(request, {
      action: 'request',
      target: 'crm:link',
      details: { contactId: dto.contactId, studentNumber: dto.studentNumber, outboxId: queued.id },
    });
    // Another admin's records page shows the link from the outbox; their CRM card counts what waits.
    this.events.emit({ type: 'source.data-changed', sourceId: 'crm', parts: ['outbox'] });
    return queued;
  }

  @Get('contacts/:id/suggestions')
  suggestions(@Param('id') id: string): Promise<CrmLinkSuggestion[]> {
    return this.crm.suggestions(id);
  }

  @Get('watermark')
  watermark(): Promise<CrmWatermark> {
    return this.crm.watermark();
  }

  @Post('watermark/reset')
  @HttpCode(200)
  @ApiConflictResponse({ description: 'A CRM run is active' })
  async resetWatermark(@Req() request: AuthenticatedRequest): Promise<CrmWatermark> {
    const { before, after } = await this.crm.resetWatermark();
    await this.audit.record(request, { action: 'request', target: 'crm:watermark:reset', details: { before: before.serverUpdatedAt } });
    return after;
  }

  @Get('outbox')
  outbox(): Promise<CrmOutboxItem[]> {
    return this.crm.outbox();
  }

  @Get('conflicts')
  conflicts(@Query() query: CrmConflictsQueryDto): Promise<CrmConflict[]> {
    return this.crm.conflicts(query.status ?? null);
  }

  @Post('conflicts/:id/resolve')
  @HttpCode(200)
  @ApiConflictResponse({ description: 'The conflict is already resolved' })
  async resolve(@Param('id') id: string, @Body() dto: CrmResolveDto, @Req() request: AuthenticatedRequest): Promise<CrmConflict> {
    const resolved = await this.crm.resolve(id, dto.resolution, request.user?.username ?? null, dto.reason ?? null);
    await this.audit.record(request, {
      action: 'request',
      target: `crm:conflict:${id}`,
      details: { resolution: dto.resolution, reason: dto.reason ?? null, table: resolved.table, recordId: resolved.recordId },
    });
    this.events.emit({ type: 'source.data-changed', sourceId: 'crm', parts: ['conflicts', 'outbox'] });
    return resolved;
  }
}
