import { Logger, type LoggerService } from '@nestjs/common';

const describe = (error: unknown) => (error instanceof Error ? (error.stack ?? error.message) : String(error));

/**
 * An unhandled rejection or uncaught exception is logged and survived: one request's or timer's mistake must not stop
 * the panel and every run it supervises (Node's default ends the process).
 */
export function surviveProcessErrors(target: NodeJS.EventEmitter = process, logger: Pick<LoggerService, 'error'> = new Logger('Process')): void {
  target.on('unhandledRejection', (reason: unknown) => logger.error(`unhandled rejection: ${describe(reason)}`));
  target.on('uncaughtException', (error: unknown) => logger.error(`uncaught exception: ${describe(error)}`));
}
