import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { NestFactory } from '@nestjs/core';
import type { LoggerService } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import express, { type NextFunction, type Request, type Response } from 'express';
import helmet from 'helmet';
import { AppModule } from './app.module';
import { AuthService } from './auth/auth.service';
import { jsonSameOrigin } from './auth/json-same-origin.middleware';
import { ApiExceptionFilter } from './common/api-exception.filter';
import { requestLogging } from './common/logging/app-logger';
import { setAllowedUpstreamHosts } from './common/http/upstream';
import { refuseDeepJson } from './common/json-depth';
import { createValidationPipe } from './common/validation.pipe';
import type { AppConfig } from './config/config';
import { makeDataPrivate } from './database/private-data';
import type { SourceCatalog } from './sync/source-catalog';
import type { SourceSeeds } from './sync/source-seeds';

/** Builds the whole HTTP app (API, OpenAPI UI, built admin UI); used by main.ts and the integration tests alike. */
/** `catalog` replaces the registered sources (tests of a source defined in test code); the registry by default. */
export async function createApp(config: AppConfig, seeds: SourceSeeds, logger?: LoggerService, catalog?: SourceCatalog): Promise<NestExpressApplication> {
  makeDataPrivate(config.dataDir, config.databaseUrl ? null : config.databasePath);
  // Connection tests run in this process: its HTTP clients refuse hosts off the allow-list too.
  setAllowedUpstreamHosts(config.upstreamAllowedHosts);
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot({ config, seeds, catalog }), {
    logger: logger ?? ['log', 'warn', 'error'],
  });
  app.set('trust proxy', config.trustProxy);
  // First, so every later line written while serving a request carries its id.
  app.use(requestLogging(logger));
  // Helmet's defaults suit the built SPA (scripts and styles from 'self'); plain-HTTP deployments inside the
  // university network must not have their requests upgraded to HTTPS.
  app.use(helmet({ contentSecurityPolicy: { directives: { upgradeInsecureRequests: null } } }));
  app.use(jsonSameOrigin);
  // API answers hold personal data and depend on who is signed in: no browser or proxy may keep them.
  app.use('/api', (_req: Request, res: Response, next: NextFunction) => {
    res.setHeader('Cache-Control', 'no-store');
    next();
  });
  app.useBodyParser('json', { verify: refuseDeepJson });
  // Prometheus scrapes /metrics, by convention outside the API.
  app.setGlobalPrefix('api', { exclude: ['metrics'] });
  app.useGlobalPipes(createValidationPipe());
  app.useGlobalFilters(new ApiExceptionFilter());

  // The OpenAPI UI is served by Swagger, outside Nest's routes and so outside the auth guard: check it here.
  const auth = app.get(AuthService);
  app.use(['/api/docs', '/api/docs-json', '/api/docs-yaml'], (req: Request, res: Response, next: NextFunction) => {
    auth.authenticate(req).then((user) => (user ? next() : res.status(401).json({ statusCode: 401, error: 'Unauthorized', message: 'sign in first' })), next);
  });
  const openApi = new DocumentBuilder().setTitle('Hamgam API').setDescription('Sync control panel of the university').setVersion('1').build();
  SwaggerModule.setup('api/docs', app, () => SwaggerModule.createDocument(app, openApi));

  if (config.staticDir && existsSync(join(config.staticDir, 'index.html'))) {
    const index = join(config.staticDir, 'index.html');
    app.use(express.static(config.staticDir, { index: false, maxAge: '1h' }));
    // The SPA owns every other GET path (client-side routes like /runs/12).
    app.use((req: Request, res: Response, next: NextFunction) => {
      if (req.method !== 'GET' || req.path.startsWith('/api') || req.path === '/metrics') return next();
      res.sendFile(index);
    });
  }
  return app;
}
