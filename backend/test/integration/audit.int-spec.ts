import { startGolestanStandIn, type GolestanStandIn } from '@hamgam/stand-ins';
import type { AuditEntry, Page } from '@hamgam/shared';
import { startTestApp, TEST_ADMIN, triggerRun, waitFor, waitForRunEnd, type TestApp } from './helpers/test-app';

const auditOf = async (t: TestApp, query = ''): Promise<AuditEntry[]> =>
  ((await t.http().get(`/api/audit?pageSize=200${query}`).expect(200)).body as Page<AuditEntry>).items;

describe('the audit trail', () => {
  let gateway: GolestanStandIn;
  let t: TestApp;

  beforeAll(async () => {
    gateway = await startGolestanStandIn({ facultyCount: 20, seed: 8 });
    t = await startTestApp({ env: { GOLESTAN_BASE_URL: gateway.url, GOLESTAN_USERNAME: gateway.username, GOLESTAN_PASSWORD: gateway.password } });
  });

  afterAll(async () => {
    await t.close();
    await gateway.close();
  });

  it('should record the sign-in with who and from which IP when an admin signs in', async () => {
    const [login] = await auditOf(t, '&action=login');
    expect(login).toMatchObject({ actor: 'admin', action: 'login', target: expect.stringMatching(/^user:/) });
    expect(login.ip).toMatch(/127\.0\.0\.1|::1/);
  });

  it('should record who started a run and why when a sync is triggered', async () => {
    const run = (await t.http().post('/api/sources/faculty/runs').send({ trigger: 'manual', reason: 'new term' }).expect(202)).body;
    expect(run).toMatchObject({ triggeredBy: 'admin', reason: 'new term', trigger: 'manual' });
    await waitForRunEnd(t, run.id);
    const [entry] = await auditOf(t, '&action=sync.triggered');
    expect(entry).toMatchObject({ actor: 'admin', target: `run:${run.id}`, details: { sourceId: 'faculty', reason: 'new term' } });
  });

  it('should keep the cancel reason on the run and in the trail when a run is cancelled', async () => {
    gateway.setFaults({ delayMs: 30_000 });
    const run = await triggerRun(t, 'faculty');
    await waitFor(async () => (await t.http().get(`/api/runs/${run.id}`)).body.status === 'running');
    await t.http().post(`/api/runs/${run.id}/cancel`).send({ reason: 'wrong term' }).expect(202);
    const ended = await waitForRunEnd(t, run.id);
    gateway.setFaults({});

    expect(ended).toMatchObject({ status: 'cancelled', cancelledBy: 'admin', cancelReason: 'wrong term' });
    const [entry] = await auditOf(t, '&action=run.cancelled');
    expect(entry).toMatchObject({ actor: 'admin', target: `run:${run.id}`, details: { reason: 'wrong term' } });
  });

  it('should record a before/after diff with the password only as changed when settings change', async () => {
    await t
      .http()
      .patch('/api/sources/faculty')
      .send({ timeoutSeconds: 1200, connection: { password: 'Very-Secret-9' } })
      .expect(200);
    const [entry] = await auditOf(t, '&action=settings.changed');
    expect(entry.target).toBe('source:faculty');
    expect(entry.details).toEqual({ changes: { timeoutSeconds: { before: 3600, after: 1200 }, 'connection.password': 'changed' } });
    const everything = JSON.stringify(await auditOf(t)) + (await t.http().get('/api/audit/export.csv').expect(200)).text;
    expect(everything).not.toContain('Very-Secret-9');
    expect(t.logger.lines.join('\n')).not.toContain('Very-Secret-9');
    await t
      .http()
      .patch('/api/sources/faculty')
      .send({ connection: { password: gateway.password } })
      .expect(200);
  });

  it('should record user creation and changes without the password when users are managed', async () => {
    const user = (
      await t.http().post('/api/users').send({ username: 'reza', displayName: 'رضا', password: 'first-copper-kettle', role: 'auditor' }).expect(201)
    ).body;
    await t.http().patch(`/api/users/${user.id}`).send({ role: 'admin', password: 'second-copper-kettle' }).expect(200);
    const [created] = await auditOf(t, '&action=user.created');
    const [changed] = await auditOf(t, '&action=user.changed');
    expect(created).toMatchObject({ actor: 'admin', target: `user:${user.id}`, details: { username: 'reza', role: 'auditor' } });
    expect(changed.details).toEqual({ username: 'reza', changes: { role: { before: 'auditor', after: 'admin' }, password: 'changed' } });
    expect(JSON.stringify(await auditOf(t))).not.toMatch(/copper-kettle/);
  });

  it('should let an auditor read and filter the trail when they ask', async () => {
    const auditor = await t.as('auditor');
    const page = (await auditor().get('/api/audit?action=user.created&actor=admin').expect(200)).body as Page<AuditEntry>;
    expect(page.items.length).toBeGreaterThan(0);
    expect(page.items.every((entry) => entry.action === 'user.created' && entry.actor === 'admin')).toBe(true);
    const future = (
      await auditor()
        .get(`/api/audit?from=${encodeURIComponent(new Date(Date.now() + 60_000).toISOString())}`)
        .expect(200)
    ).body;
    expect(future.total).toBe(0);
    await auditor().get('/api/audit?action=bogus').expect(400);
  });
});

describe('the sign-in rate limit', () => {
  let t: TestApp;

  beforeAll(async () => {
    // Supertest is the one proxy in front (loopback): the client address is the last X-Forwarded-For entry.
    t = await startTestApp({ env: { LOGIN_MAX_TRIES: '3', LOGIN_MAX_TRIES_PER_ADDRESS: '3', TRUST_PROXY: '1' } });
  });

  afterAll(async () => {
    await t.close();
  });

  const attempt = (username: string, password: string, ip: string) =>
    t.anonymous().post('/api/auth/login').set('X-Forwarded-For', ip).send({ username, password });

  it('should record the lock of a (username, address) pair when it passes its tries', async () => {
    for (let i = 0; i < 3; i++) expect((await attempt('admin', 'not-it-at-all', '10.0.0.1')).status).toBe(401);
    const locked = await attempt('admin', TEST_ADMIN.password, '10.0.0.1');
    expect(locked.status).toBe(429);
    expect(Number(locked.headers['retry-after'])).toBeGreaterThan(0);
    const entries = ((await t.http().get('/api/audit?action=login.locked').expect(200)).body as Page<AuditEntry>).items;
    expect(entries).toContainEqual(
      expect.objectContaining({ target: 'username:admin', ip: '10.0.0.1', details: expect.objectContaining({ scope: 'username-address', tries: 3 }) }),
    );
  });

  it('should answer 429 to an address past its tries, whatever username it tries next, and record it without the passwords', async () => {
    for (const name of ['u1', 'u2', 'u3']) expect((await attempt(name, 'nope-nope', '10.9.9.9')).status).toBe(401);
    expect((await attempt('u4', 'nope-nope', '10.9.9.9')).status).toBe(429);
    expect((await attempt('u4', 'nope-nope', '10.9.9.8')).status).toBe(401);
    const failed = ((await t.http().get('/api/audit?action=login.failed').expect(200)).body as Page<AuditEntry>).items;
    expect(failed.length).toBeGreaterThanOrEqual(7);
    expect(failed.every((entry) => entry.actor === null && !JSON.stringify(entry).includes('nope-nope'))).toBe(true);
    const entries = ((await t.http().get('/api/audit?action=login.locked').expect(200)).body as Page<AuditEntry>).items;
    expect(entries).toContainEqual(expect.objectContaining({ target: 'ip:10.9.9.9', details: expect.objectContaining({ scope: 'address', tries: 3 }) }));
  });
});
