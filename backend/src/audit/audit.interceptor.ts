import { Injectable, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import { from, mergeMap, type Observable } from 'rxjs';
import type { AuthenticatedRequest } from '../common/session-user';
import { AuditService } from './audit.service';
import { redactForAudit } from '../common/redact';

/**
 * A safety net: a state-changing request that succeeded without writing its own audit row (an endpoint added
 * later) is still recorded, as `request` with its method, path and redacted body.
 */
@Injectable()
export class AuditInterceptor implements NestInterceptor {
  constructor(private readonly audit: AuditService) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    if (context.getType() !== 'http' || ['GET', 'HEAD', 'OPTIONS'].includes(request.method)) return next.handle();
    return next.handle().pipe(
      mergeMap((result) => {
        if (request.auditRecorded) return [result];
        return from(
          this.audit
            .record(request, {
              action: 'request',
              target: `${request.method} ${request.originalUrl.split('?')[0]}`,
              details: { body: redactForAudit(request.body) },
            })
            .then(() => result),
        );
      }),
    );
  }
}
