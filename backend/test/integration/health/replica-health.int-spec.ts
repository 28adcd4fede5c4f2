import { hostname } from 'node:os';
import type { Health, Readiness } from '@hamgam/shared';
import { startTestApp, type TestApp } from '../helpers/test-app';

describe('health answers naming the replica', () => {
  describe('when REPLICA_ID is set', () => {
    let t: TestApp;

    beforeAll(async () => {
      // A named replica needs the key every replica shares.
      t = await startTestApp({ env: { REPLICA_ID: 'replica-a', HAMGAM_SECRET_KEY: Buffer.alloc(32, 7).toString('base64') } });
    });

    afterAll(async () => {
      await t.close();
    });

    it('should name the replica and the database kind in the liveness answer when asked without a session', async () => {
      const response = await t.anonymous().get('/api/health').expect(200);
      const body = response.body as Health;
      expect(body).toMatchObject({ status: 'ok', database: 'ok', replica: 'replica-a', databaseKind: t.dialect });
    });

    it('should name the replica and the database kind in the readiness answer when asked without a session', async () => {
      const response = await t.anonymous().get('/api/health/ready').expect(200);
      const body = response.body as Readiness;
      expect(body).toMatchObject({ status: 'ready', replica: 'replica-a', databaseKind: t.dialect });
    });

    it('should never show where the database is when health is asked', async () => {
      for (const path of ['/api/health', '/api/health/ready']) {
        const response = await t.anonymous().get(path).expect(200);
        expect(response.text).not.toContain(t.config.databasePath);
        expect(response.text).not.toContain(t.dataDir);
      }
    });
  });

  describe('when REPLICA_ID is not set', () => {
    let t: TestApp;

    beforeAll(async () => {
      t = await startTestApp();
    });

    afterAll(async () => {
      await t.close();
    });

    it('should name the replica by host name and process id when no id is configured', async () => {
      const response = await t.anonymous().get('/api/health').expect(200);
      expect((response.body as Health).replica).toBe(`${hostname()}-${process.pid}`);
    });
  });
});
