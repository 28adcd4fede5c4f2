import { ArgumentsHost, Catch, HttpException, HttpStatus, Logger, type ExceptionFilter } from '@nestjs/common';
import type { Response } from 'express';
import type { ApiErrorBody } from '@hamgam/shared';
import { DEEP_JSON_ERROR } from './json-depth';

/** Every error leaves the API as an `ApiErrorBody`; anything unexpected is a logged 500 with no internals. */
@Catch()
export class ApiExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger(ApiExceptionFilter.name);

  catch(exception: unknown, host: ArgumentsHost): void {
    const response = host.switchToHttp().getResponse<Response>();
    if (response.headersSent) return;
    const body = this.toBody(exception);
    response.status(body.statusCode).json(body);
  }

  private toBody(exception: unknown): ApiErrorBody {
    if (exception instanceof HttpException) {
      const statusCode = exception.getStatus();
      const raw = exception.getResponse();
      const payload = typeof raw === 'string' ? { message: raw } : (raw as Record<string, unknown>);
      const message = Array.isArray(payload.message) ? payload.message.join('; ') : String(payload.message ?? exception.message);
      return {
        statusCode,
        error: (HttpStatus[statusCode] ?? 'Error').toString(),
        message,
        ...(payload.fields ? { fields: payload.fields as Record<string, string[]> } : {}),
        ...(payload.problems ? { problems: payload.problems as ApiErrorBody['problems'] } : {}),
        ...(payload.activeRun ? { activeRun: payload.activeRun as ApiErrorBody['activeRun'] } : {}),
      };
    }
    // Body-parser errors (malformed JSON, too large, nested too deep) carry their own 4xx status.
    const { status, type } = (exception ?? {}) as { status?: unknown; type?: unknown };
    if (typeof status === 'number' && status >= 400 && status < 500) {
      const message = status === 400 && type !== DEEP_JSON_ERROR ? 'the request body is not valid JSON' : String((exception as Error).message);
      return { statusCode: status, error: HttpStatus[status] ?? 'Error', message };
    }
    this.logger.error(exception instanceof Error ? (exception.stack ?? exception.message) : String(exception));
    return { statusCode: 500, error: 'INTERNAL_SERVER_ERROR', message: 'an unexpected error occurred; it has been logged' };
  }
}
