import { Body, Controller, Get, HttpCode, Param, ParseIntPipe, Post, Query, Req } from '@nestjs/common';
import { ApiConflictResponse, ApiNotFoundResponse, ApiTags } from '@nestjs/swagger';
import type { HeldDeletion, Page, SyncRun } from '@hamgam/shared';
import { AuditService } from '../../audit/audit.service';
import type { AuthenticatedRequest } from '../../common/session-user';
import { DeletionsService } from './deletions.service';
import { DeletionDecisionDto, ListHeldDeletionsDto } from './dto/deletion-decision.dto';

// Reads are open to auditors; approving and discarding are POSTs, so admin-only by the global guard.
@ApiTags('runs')
@Controller('runs')
export class DeletionsController {
  constructor(
    private readonly deletions: DeletionsService,
    private readonly audit: AuditService,
  ) {}

  /** The records a run held past its deletion guard, with their last known values, searchable and paged. */
  @Get(':id/held-deletions')
  @ApiNotFoundResponse({ description: 'The run does not exist' })
  list(@Param('id', ParseIntPipe) id: number, @Query() query: ListHeldDeletionsDto): Promise<Page<HeldDeletion>> {
    return this.deletions.list(id, query);
  }

  @Post(':id/approve-deletions')
  @HttpCode(200)
  @ApiConflictResponse({ description: 'The run is not awaiting approval' })
  async approve(@Param('id', ParseIntPipe) id: number, @Body() dto: DeletionDecisionDto, @Req() request: AuthenticatedRequest): Promise<SyncRun> {
    const reason = dto?.reason?.trim() || null;
    const run = await this.deletions.approve(id, { by: request.user?.username ?? null, reason });
    await this.audit.record(request, {
      action: 'deletions.approved',
      target: `run:${id}`,
      details: { sourceId: run.sourceId, reason, held: run.heldDeletions, applied: run.deletionDecision?.applied ?? 0 },
    });
    return run;
  }

  @Post(':id/discard-deletions')
  @HttpCode(200)
  @ApiConflictResponse({ description: 'The run is not awaiting approval' })
  async discard(@Param('id', ParseIntPipe) id: number, @Body() dto: DeletionDecisionDto, @Req() request: AuthenticatedRequest): Promise<SyncRun> {
    const reason = dto?.reason?.trim() || null;
    const run = await this.deletions.discard(id, { by: request.user?.username ?? null, reason });
    await this.audit.record(request, {
      action: 'deletions.discarded',
      target: `run:${id}`,
      details: { sourceId: run.sourceId, reason, held: run.heldDeletions },
    });
    return run;
  }
}
