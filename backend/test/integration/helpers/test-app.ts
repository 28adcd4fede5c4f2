import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { LoggerService } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import request from 'supertest';
import type { SyncRun } from '@hamgam/shared';
import { loadConfig, type AppConfig } from '../../../src/config/config';
import { createApp } from '../../../src/create-app';
import type { StandInConnections } from '../../../src/sync/stand-in-connections';

/** Collects every line the app logs, so tests can assert what never appears there. */
export class CapturingLogger implements LoggerService {
  readonly lines: string[] = [];
  log(message: unknown, ...rest: unknown[]) { this.lines.push([message, ...rest].map(String).join(' ')); }
  error(message: unknown, ...rest: unknown[]) { this.log(message, ...rest); }
  warn(message: unknown, ...rest: unknown[]) { this.log(message, ...rest); }
  debug(message: unknown, ...rest: unknown[]) { this.log(message, ...rest); }
  verbose(message: unknown, ...rest: unknown[]) { this.log(message, ...rest); }
}

export type TestApp = {
  app: NestExpressApplication;
  http: () => ReturnType<typeof request>;
  config: AppConfig;
  dataDir: string;
  logger: CapturingLogger;
  close: (options?: { keepData?: boolean }) => Promise<void>;
};

/** The real app on a fresh SQLite file under a temp folder; the compiled worker is forked for runs. */
export async function startTestApp(options: { env?: Record<string, string>; standIns?: StandInConnections; dataDir?: string } = {}): Promise<TestApp> {
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'hamgam-int-'));
  const config = loadConfig({
    PATH: process.env.PATH,
    DATA_DIR: dataDir,
    STAND_INS: 'false',
    KILL_GRACE_MS: '1500',
    STATIC_DIR: join(dataDir, 'no-ui'),
    ...options.env,
  });
  const logger = new CapturingLogger();
  const app = await createApp(config, options.standIns ?? {}, logger);
  await app.init();
  return {
    app,
    http: () => request(app.getHttpServer()),
    config,
    dataDir,
    logger,
    close: async ({ keepData = false } = {}) => {
      await app.close();
      if (!keepData) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

const FINAL = ['success', 'failed', 'cancelled'];

/** Polls the API until the run is final (no sleeps in assertions: the loop ends as soon as it is). */
export async function waitForRunEnd(t: TestApp, runId: string, timeoutMs = 30_000): Promise<SyncRun> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const response = await t.http().get(`/api/runs/${runId}`).expect(200);
    const run = response.body as SyncRun;
    if (FINAL.includes(run.status)) return run;
    if (Date.now() > deadline) throw new Error(`run ${runId} still ${run.status} after ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

export async function waitFor<T>(probe: () => Promise<T | undefined> | T | undefined, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined && value !== null && value !== false) return value;
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

export async function triggerRun(t: TestApp, sourceId: string): Promise<SyncRun> {
  const response = await t.http().post(`/api/sources/${sourceId}/runs`).send({}).expect(202);
  return response.body as SyncRun;
}
