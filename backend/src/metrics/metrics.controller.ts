import { Controller, ForbiddenException, Get, Inject, Req, Res, UnauthorizedException } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { Public } from '../auth/auth.decorators';
import { APP_CONFIG, type AppConfig } from '../config/config';
import { metricsAccess } from './metrics-access';
import { MetricsService } from './metrics.service';

/** `GET /metrics` (outside `/api`): no session; its own token or loopback rule (`metrics-access.ts`). */
@ApiExcludeController()
@Controller('metrics')
export class MetricsController {
  constructor(
    private readonly metrics: MetricsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Get()
  @Public()
  async scrape(@Req() request: Request, @Res() response: Response): Promise<void> {
    const access = metricsAccess(
      {
        authorization: request.headers.authorization,
        socketAddress: request.socket.remoteAddress,
        isForwarded: request.headers['x-forwarded-for'] !== undefined || request.headers.forwarded !== undefined,
      },
      this.config.metricsToken,
    );
    if (access === 401) throw new UnauthorizedException('a valid METRICS_TOKEN is required (Authorization: Bearer …)');
    if (access === 403) throw new ForbiddenException('metrics are served only to this machine unless METRICS_TOKEN is set');
    response.setHeader('Cache-Control', 'no-store');
    response.setHeader('Content-Type', this.metrics.contentType);
    response.send(await this.metrics.metrics());
  }
}
