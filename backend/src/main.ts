import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { createAppLogger } from './common/logging/app-logger';
import { ConfigError, describeDatabase, loadConfig } from './config/config';
import { createApp } from './create-app';
import { surviveProcessErrors } from './process-errors';
import { NO_SOURCE_SEEDS } from './sync/source-seeds';

async function bootstrap(): Promise<void> {
  const config = loadConfig();
  const appLogger = createAppLogger(config.logFormat);
  // Every `new Logger(context)` writes through it, including those made before the app exists.
  Logger.overrideLogger(appLogger);
  surviveProcessErrors();
  // The demo wiring (and the stand-ins' code, ~9 MB) is loaded only when the demo is on.
  const standIns = config.standIns ? await (await import('./demo/stand-ins')).startStandIns(config) : { seeds: NO_SOURCE_SEEDS, close: async () => undefined };
  // No enableShutdownHooks(): its SIGTERM handler closed the app a second time beside `shutdown` below (app.close()
  // runs every shutdown hook), which PostgreSQL's pool reports as "Called end on pool more than once".
  const app = await createApp(config, standIns.seeds, appLogger);
  await app.listen(config.port, config.host);
  const logger = new Logger('Hamgam');
  logger.log(`panel and API on http://localhost:${config.port} (OpenAPI: /api/docs), database ${describeDatabase(config)}`);
  if (config.standIns) logger.warn('stand-in upstreams are on: sources without a configured connection talk to the demo gateway');
  const shutdown = async () => {
    await app.close();
    await standIns.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown());
  process.once('SIGTERM', () => void shutdown());
}

bootstrap().catch((error: unknown) => {
  // A bad setting stops the process with its message, not a stack trace.
  console.error(error instanceof ConfigError ? `configuration error: ${error.message}` : error);
  process.exit(1);
});
