import { request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { User } from '@hamgam/shared';
import { concretePath, listRoutes, type RouteEntry } from './helpers/routes';
import { signIn, startTestApp, TEST_ADMIN, type HttpClient, type TestApp } from './helpers/test-app';

const PUBLIC = ['POST /api/auth/login', 'GET /api/health', 'GET /api/health/ready'];
const WRITES_FOR_EVERY_ROLE = ['POST /api/auth/logout', 'POST /api/auth/logout-all'];
const READS_FOR_ADMINS_ONLY = ['GET /api/users'];
const STREAMS = ['GET /api/events'];

const key = (route: RouteEntry) => `${route.method} ${route.path}`;
const send = (client: HttpClient, route: RouteEntry) =>
  (client as unknown as Record<string, (path: string) => Promise<{ status: number }>>)[route.method.toLowerCase()](concretePath(route.path));

/** The status of the SSE stream's answer; the connection is dropped once the head arrives. */
async function streamStatus(t: TestApp, cookie?: string): Promise<number> {
  const address = t.app.getHttpServer().address() ?? (await t.app.listen(0), t.app.getHttpServer().address());
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: '127.0.0.1', port: (address as AddressInfo).port, path: '/api/events', headers: cookie ? { cookie } : {} }, (res) => {
      resolve(res.statusCode ?? 0);
      req.destroy();
    });
    req.on('error', reject);
    req.end();
  });
}

describe('sign-in and roles', () => {
  let t: TestApp;
  let routes: RouteEntry[];

  beforeAll(async () => {
    t = await startTestApp();
    routes = listRoutes(t.app).filter((route) => route.path.startsWith('/api'));
  });

  afterAll(async () => {
    await t.close();
  });

  it('should find the API routes when the route table is walked', () => {
    const keys = routes.map(key);
    expect(keys).toEqual(
      expect.arrayContaining(['GET /api/runs', 'POST /api/sources/:id/runs', 'PATCH /api/users/:id', 'GET /api/audit', 'GET /api/docs-json']),
    );
    expect(routes.length).toBeGreaterThan(20);
  });

  it('should answer 401 on every route but login and health when no session is sent', async () => {
    const answers: string[] = [];
    for (const route of routes.filter((r) => !PUBLIC.includes(key(r)) && !STREAMS.includes(key(r)))) {
      const { status } = await send(t.anonymous(), route);
      if (status !== 401) answers.push(`${key(route)} → ${status}`);
    }
    expect(answers).toEqual([]);
    expect(await streamStatus(t)).toBe(401);
    await t.anonymous().get('/api/health').expect(200);
  });

  it('should answer 401 when the session cookie is made up or tampered with', async () => {
    const [name, value] = t.cookie.split('=');
    const madeUp = Buffer.alloc(32, 1).toString('base64url');
    await t.anonymous().get('/api/auth/me').set('Cookie', `${name}=${madeUp}`).expect(401);
    await t
      .anonymous()
      .get('/api/auth/me')
      .set('Cookie', `${name}=${value.slice(0, -1)}${value.endsWith('A') ? 'B' : 'A'}`)
      .expect(401);
  });

  it('should answer 403 to an auditor on every state-changing route and let them read', async () => {
    const auditor = await t.as('auditor');
    const wrong: string[] = [];
    for (const route of routes.filter((r) => !PUBLIC.includes(key(r)) && !STREAMS.includes(key(r)) && !WRITES_FOR_EVERY_ROLE.includes(key(r)))) {
      const { status } = await send(auditor(), route);
      const isRead = route.method === 'GET' && !READS_FOR_ADMINS_ONLY.includes(key(route));
      if (isRead ? status === 401 || status === 403 : status !== 403) wrong.push(`${key(route)} → ${status}`);
    }
    expect(wrong).toEqual([]);
    expect(await streamStatus(t, (await auditorCookie(t)).cookie)).toBe(200);
  });

  it('should set an httpOnly, SameSite=Strict cookie with an expiry when sign-in succeeds', async () => {
    const response = await t.anonymous().post('/api/auth/login').send(TEST_ADMIN).expect(200);
    const cookie = ([] as string[]).concat(response.headers['set-cookie'] ?? []).join(';');
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Strict/i);
    expect(cookie).toMatch(/Max-Age=\d+/i);
    expect(response.body).toMatchObject({ username: 'admin', role: 'admin', isActive: true });
    expect(JSON.stringify(response.body)).not.toMatch(/hash|password/i);
  });

  it('should answer the same message when the user is unknown and when the password is wrong', async () => {
    const unknown = await t.anonymous().post('/api/auth/login').send({ username: 'nobody', password: 'whatever-1' }).expect(401);
    const wrong = await t.anonymous().post('/api/auth/login').send({ username: 'admin', password: 'whatever-1' }).expect(401);
    expect(unknown.body.message).toBe(wrong.body.message);
  });

  it('should send security headers when any route answers', async () => {
    const response = await t.anonymous().get('/api/health').expect(200);
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['content-security-policy']).toContain("default-src 'self'");
    expect(response.headers['x-powered-by']).toBeUndefined();
  });

  it('should create, change, reset and deactivate users and end their sessions when an admin asks', async () => {
    const created = (await t.http().post('/api/users').send({ username: 'Sara', displayName: 'سارا', password: 'first-password', role: 'auditor' }).expect(201))
      .body as User;
    expect(created).toMatchObject({ username: 'sara', displayName: 'سارا', role: 'auditor', isActive: true });
    await t.http().post('/api/users').send({ username: 'sara', displayName: 'x', password: 'first-password', role: 'auditor' }).expect(409);
    await t.http().post('/api/users').send({ username: 's', displayName: '', password: 'short', role: 'boss' }).expect(400);
    const cookie = await signIn(t.app.getHttpServer(), 'sara', 'first-password');

    await t.http().patch(`/api/users/${created.id}`).send({ role: 'admin', displayName: 'سارا احمدی' }).expect(200);
    await t.anonymous().get('/api/auth/me').set('Cookie', cookie).expect(401);
    await t.http().patch(`/api/users/${created.id}`).send({ password: 'second-password' }).expect(200);
    await t.anonymous().post('/api/auth/login').send({ username: 'sara', password: 'first-password' }).expect(401);
    const second = await signIn(t.app.getHttpServer(), 'sara', 'second-password');
    await t.http().patch(`/api/users/${created.id}`).send({ isActive: false }).expect(200);
    await t.anonymous().get('/api/auth/me').set('Cookie', second).expect(401);

    const users = (await t.http().get('/api/users').expect(200)).body as User[];
    expect(users.find((user) => user.username === 'sara')).toMatchObject({ role: 'admin', isActive: false, displayName: 'سارا احمدی' });
    expect(JSON.stringify(users)).not.toMatch(/hash|second-password/);
  });

  it('should refuse when the last active admin would be demoted or deactivated', async () => {
    const me = (await t.http().get('/api/auth/me').expect(200)).body as User;
    const admins = ((await t.http().get('/api/users').expect(200)).body as User[]).filter((user) => user.role === 'admin' && user.isActive);
    expect(admins.map((user) => user.id)).toEqual([me.id]);
    await t.http().patch(`/api/users/${me.id}`).send({ isActive: false }).expect(409);
    await t.http().patch(`/api/users/${me.id}`).send({ role: 'auditor' }).expect(409);
  });

  it('should end the session cookie when the user signs out', async () => {
    const { cookie, client } = await auditorCookie(t);
    const response = await client.post('/api/auth/logout').expect(204);
    expect(([] as string[]).concat(response.headers['set-cookie'] ?? []).join(';')).toMatch(/hamgam_session=;/);
    expect(cookie).toMatch(/^hamgam_session=/);
  });
});

async function auditorCookie(t: TestApp): Promise<{ cookie: string; client: HttpClient }> {
  await t.as('auditor');
  const cookie = await signIn(t.app.getHttpServer(), 'test-auditor', 'auditor-test-password');
  return { cookie, client: t.anonymous().set('Cookie', cookie) as HttpClient };
}
