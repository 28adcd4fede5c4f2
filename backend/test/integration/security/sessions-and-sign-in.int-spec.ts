// Security review, findings 3, 4 and the sign-in parts of 7 ("Hardening"): each attack replayed against the app.
import { execFile } from 'node:child_process';
import { request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { DataSource } from 'typeorm';
import type { ApiErrorBody, User } from '@hamgam/shared';
import { loadConfig } from '../../../src/config/config';
import { signIn, startTestApp, TEST_ADMIN, type TestApp } from '../helpers/test-app';

const setCookieOf = (response: { headers: Record<string, unknown> }): string =>
  ([] as string[]).concat((response.headers['set-cookie'] as string[] | undefined) ?? []).find((line) => line.startsWith('hamgam_session=')) ?? '';

const sessionRows = (t: TestApp) =>
  t.app
    .get(DataSource)
    .query<{ id: number; token_hash: string; user_id: number; last_seen_at: string; expires_at: string }[]>('SELECT * FROM sessions ORDER BY id');

/** A user made for one test, with a password the policy accepts. */
async function makeUser(t: TestApp, username: string): Promise<{ user: User; password: string; signIn: () => Promise<string> }> {
  const password = `${username.split('').reverse().join('')}-copper-kettle`;
  const user = (await t.http().post('/api/users').send({ username, displayName: username, password, role: 'auditor' }).expect(201)).body as User;
  return { user, password, signIn: () => signIn(t.app.getHttpServer(), username, password) };
}

describe('finding 3: sign-in limiting', () => {
  let t: TestApp;

  beforeAll(async () => {
    // Supertest stands for the one proxy in front (loopback): the client is the last X-Forwarded-For entry it wrote.
    t = await startTestApp({ env: { LOGIN_MAX_TRIES: '3', LOGIN_MAX_TRIES_PER_ADDRESS: '6', TRUST_PROXY: '1' } });
  });

  afterAll(async () => {
    await t.close();
  });

  const attempt = (username: string, password: string, forwardedFor: string) =>
    t.anonymous().post('/api/auth/login').set('X-Forwarded-For', forwardedFor).send({ username, password });

  it('should sign the admin in from a clean address after an attacker failed the admin from many addresses', async () => {
    for (let i = 1; i <= 5; i++) expect((await attempt('admin', 'guess-number-one', `198.51.100.${i}`)).status).toBe(401);
    for (let i = 0; i < 3; i++) expect((await attempt('admin', 'guess-number-two', '198.51.100.9')).status).toBe(401);
    expect((await attempt('admin', TEST_ADMIN.password, '198.51.100.9')).status).toBe(429);

    const response = await attempt('admin', TEST_ADMIN.password, '192.0.2.50').expect(200);
    expect((response.body as User).username).toBe('admin');
    expect(setCookieOf(response)).toMatch(/^hamgam_session=/);
  });

  it('should count the address the trusted proxy saw when a client writes a new X-Forwarded-For each try', async () => {
    for (let i = 1; i <= 3; i++) expect((await attempt('victim', 'guess', `10.66.0.${i}, 203.0.113.7`)).status).toBe(401);
    const blocked = await attempt('victim', 'guess', '10.66.0.99, 203.0.113.7');
    expect(blocked.status).toBe(429);
    expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(0);
    expect((await attempt('someone-else', 'guess', '10.66.0.100, 203.0.113.7')).status).toBe(401);
    for (let i = 0; i < 2; i++) await attempt(`spray-${i}`, 'guess', '10.66.1.1, 203.0.113.7');
    expect((await attempt('yet-another', 'guess', '10.66.1.2, 203.0.113.7')).status).toBe(429);
  });

  it('should refuse TRUST_PROXY=true at boot and take hop counts and address lists', () => {
    expect(() => loadConfig({ TRUST_PROXY: 'true' })).toThrow(/number of proxies in front of Hamgam \(e\.g\. 1\) or their addresses\/subnets/);
    expect(() => loadConfig({ TRUST_PROXY: '10.0.0.0/33' })).toThrow(/TRUST_PROXY must be/);
    expect(loadConfig({ TRUST_PROXY: '2' }).trustProxy).toBe(2);
    expect(loadConfig({ TRUST_PROXY: '10.0.0.5, 10.1.0.0/16,loopback' }).trustProxy).toEqual(['10.0.0.5', '10.1.0.0/16', 'loopback']);
    expect(loadConfig({ TRUST_PROXY: 'false' }).trustProxy).toBe(false);
  });
});

describe('finding 4: sessions end on the server; writes only as JSON from this site', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp();
  });

  afterAll(async () => {
    await t.close();
  });

  it('should refuse a copied cookie after its session signed out', async () => {
    const { signIn: signInUser } = await makeUser(t, 'copied');
    const cookie = await signInUser();
    const copy = cookie;
    await t.anonymous().post('/api/auth/logout').set('Cookie', cookie).expect(204);
    await t.anonymous().get('/api/auth/me').set('Cookie', copy).expect(401);
    await t.anonymous().post('/api/auth/logout').set('Cookie', copy).expect(401);
  });

  it('should end every session of the user, and only theirs, when they sign out everywhere', async () => {
    const { signIn: signInUser } = await makeUser(t, 'everywhere');
    const [laptop, phone] = [await signInUser(), await signInUser()];
    await t.anonymous().post('/api/auth/logout-all').set('Cookie', phone).expect(204);
    await t.anonymous().get('/api/auth/me').set('Cookie', laptop).expect(401);
    await t.anonymous().get('/api/auth/me').set('Cookie', phone).expect(401);
    await t.http().get('/api/auth/me').expect(200);
    const audit = (await t.http().get('/api/audit?action=logout.all').expect(200)).body as { items: { actor: string; details: unknown }[] };
    expect(audit.items[0]).toMatchObject({ actor: 'everywhere', details: { sessions: 2 } });
  });

  it('should close an open event stream when its session signs out', async () => {
    const { signIn: signInUser } = await makeUser(t, 'streaming');
    const cookie = await signInUser();
    const address = t.app.getHttpServer().address() ?? (await t.app.listen(0), t.app.getHttpServer().address());
    const port = (address as AddressInfo).port;
    let opened: () => void = () => undefined;
    const isOpen = new Promise<void>((resolve) => (opened = resolve));
    const ended = new Promise<number>((resolve, reject) => {
      const req = httpRequest({ host: '127.0.0.1', port, path: '/api/events', headers: { accept: 'text/event-stream', cookie } }, (res) => {
        opened();
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
      });
      req.on('error', reject);
      req.end();
    });
    await isOpen;

    await t.anonymous().post('/api/auth/logout').set('Cookie', cookie).expect(204);

    // The stream of a session that ended is closed by the server (the heartbeat alone would keep it open).
    await expect(ended).resolves.toBe(200);
    await t.anonymous().get('/api/events').set('Cookie', cookie).expect(401);
  });

  it('should end the sessions of a user whose password changes or who is deactivated', async () => {
    const { user, signIn: signInUser } = await makeUser(t, 'changed');
    const before = await signInUser();
    await t.http().patch(`/api/users/${user.id}`).send({ password: 'a-brand-new-passphrase' }).expect(200);
    await t.anonymous().get('/api/auth/me').set('Cookie', before).expect(401);
    const after = await signIn(t.app.getHttpServer(), 'changed', 'a-brand-new-passphrase');
    await t.http().patch(`/api/users/${user.id}`).send({ isActive: false }).expect(200);
    await t.anonymous().get('/api/auth/me').set('Cookie', after).expect(401);
    expect((await sessionRows(t)).filter((row) => row.user_id === Number(user.id))).toEqual([]);
  });

  it('should store only the hash of the token and end a session idle too long or past its absolute end', async () => {
    const { user, signIn: signInUser } = await makeUser(t, 'idle');
    const idle = await signInUser();
    const old = await signInUser();
    const rows = (await sessionRows(t)).filter((row) => row.user_id === Number(user.id));
    const token = (cookie: string) => decodeURIComponent(cookie.slice('hamgam_session='.length));
    expect(rows.map((row) => row.token_hash).sort()).toEqual([idle, old].map((cookie) => createHash('sha256').update(token(cookie)).digest('hex')).sort());

    const minutesAgo = (minutes: number) => new Date(Date.now() - minutes * 60_000).toISOString();
    await t.query('UPDATE sessions SET last_seen_at = ? WHERE id = ?', [minutesAgo(t.config.sessionIdleMinutes + 1), rows[0].id]);
    await t.query('UPDATE sessions SET expires_at = ? WHERE id = ?', [minutesAgo(1), rows[1].id]);
    await t.anonymous().get('/api/auth/me').set('Cookie', idle).expect(401);
    await t.anonymous().get('/api/auth/me').set('Cookie', old).expect(401);
  });

  it('should write last seen at most once a minute, not on every request', async () => {
    const { user, signIn: signInUser } = await makeUser(t, 'seen');
    const cookie = await signInUser();
    const row = async () => (await sessionRows(t)).find((session) => session.user_id === Number(user.id))!;
    const signedInAt = (await row()).last_seen_at;
    for (let i = 0; i < 3; i++) await t.anonymous().get('/api/auth/me').set('Cookie', cookie).expect(200);
    expect((await row()).last_seen_at).toBe(signedInAt);
    const twoMinutesAgo = new Date(Date.now() - 120_000).toISOString();
    await t.query('UPDATE sessions SET last_seen_at = ? WHERE user_id = ?', [twoMinutesAgo, Number(user.id)]);
    await t.anonymous().get('/api/auth/me').set('Cookie', cookie).expect(200);
    expect((await row()).last_seen_at > twoMinutesAgo).toBe(true);
  });

  it('should refuse form-encoded and text/plain writes with 415 and create or start nothing', async () => {
    const form = await t.http().post('/api/users').type('form').send('username=mallory&displayName=Mallory&password=correct-horse-staple-9&role=admin');
    expect(form.status).toBe(415);
    const text = await t.http().post('/api/sources/faculty/runs').set('Content-Type', 'text/plain').send('{"trigger":"manual"}');
    expect(text.status).toBe(415);
    const multipart = await t.http().post('/api/users').field('username', 'mallory').field('password', 'correct-horse-staple-9');
    expect(multipart.status).toBe(415);
    const login = await t.anonymous().post('/api/auth/login').type('form').send(`username=admin&password=${TEST_ADMIN.password}`);
    expect(login.status).toBe(415);
    expect(setCookieOf(login)).toBe('');
    const users = (await t.http().get('/api/users').expect(200)).body as User[];
    expect(users.map((user) => user.username)).not.toContain('mallory');
    expect(((await t.http().get('/api/runs').expect(200)).body as { items: unknown[] }).items).toEqual([]);
  });

  it('should refuse writes from another origin or a cross-site fetch with 403, sign-in included', async () => {
    const body = { username: 'mallory', displayName: 'Mallory', password: 'correct-horse-staple-9', role: 'admin' };
    const foreign = await t.http().post('/api/users').set('Origin', 'https://evil.example').send(body);
    expect(foreign.status).toBe(403);
    expect((foreign.body as ApiErrorBody).message).toMatch(/evil\.example/);
    await t.http().post('/api/users').set('Origin', 'null').send(body).expect(403);
    await t.http().post('/api/users').set('Sec-Fetch-Site', 'cross-site').send(body).expect(403);
    await t.anonymous().post('/api/auth/login').set('Origin', 'https://evil.example').send(TEST_ADMIN).expect(403);
    await t
      .anonymous()
      .post('/api/auth/login')
      .set('Host', 'panel.example:8443')
      .set('Origin', 'http://panel.example:8443')
      .set('Sec-Fetch-Site', 'same-origin')
      .send(TEST_ADMIN)
      .expect(200);
    await t.http().get('/api/users').set('Origin', 'https://evil.example').expect(200);
    const users = (await t.http().get('/api/users').expect(200)).body as User[];
    expect(users.map((user) => user.username)).not.toContain('mallory');
  });
});

describe('finding 7: cookies and passwords', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp({ env: { TRUST_PROXY: 'loopback' } });
  });

  afterAll(async () => {
    await t.close();
  });

  it('should treat a malformed %-encoded cookie as no session: 401, not 500', async () => {
    await t.anonymous().get('/api/auth/me').set('Cookie', 'hamgam_session=%E0%A4%A').expect(401);
    await t.anonymous().get('/api/health').set('Cookie', 'hamgam_session=%').expect(200);
  });

  it('should mark the cookie Secure when a trusted proxy says the request was HTTPS, and not otherwise', async () => {
    const https = await t.anonymous().post('/api/auth/login').set('X-Forwarded-Proto', 'https').send(TEST_ADMIN).expect(200);
    expect(setCookieOf(https)).toMatch(/;\s*Secure/i);
    const http = await t.anonymous().post('/api/auth/login').send(TEST_ADMIN).expect(200);
    expect(setCookieOf(http)).not.toMatch(/Secure/i);
  });

  it('should follow COOKIE_SECURE and ignore X-Forwarded-Proto from a proxy it does not trust', async () => {
    const untrusted = await startTestApp();
    const forced = await startTestApp({ env: { COOKIE_SECURE: 'true' } });
    try {
      const spoofed = await untrusted.anonymous().post('/api/auth/login').set('X-Forwarded-Proto', 'https').send(TEST_ADMIN).expect(200);
      expect(setCookieOf(spoofed)).not.toMatch(/Secure/i);
      const secure = await forced.anonymous().post('/api/auth/login').send(TEST_ADMIN).expect(200);
      expect(setCookieOf(secure)).toMatch(/;\s*Secure/i);
    } finally {
      await untrusted.close();
      await forced.close();
    }
  });

  it.each([
    ['eight spaces', ' '.repeat(8), 'tooShort'],
    ['twelve spaces', ' '.repeat(12), 'blank'],
    ['password', 'password', 'tooShort'],
    ['a common one', 'Password1234', 'common'],
    ['the user name', 'Weak.Sara-2026!', 'containsUsername'],
  ])('should refuse %s as a new user password with its reason for the form', async (_name, password, problem) => {
    const response = await t.http().post('/api/users').send({ username: 'weak.sara', displayName: 'Sara', password, role: 'auditor' });
    expect(response.status).toBe(400);
    expect((response.body as ApiErrorBody).fields).toEqual({ password: [problem] });
  });

  it('should refuse a weak password when an admin changes one, and keep the old password', async () => {
    const { user, password } = await makeUser(t, 'keeper');
    const refused = await t.http().patch(`/api/users/${user.id}`).send({ password: 'KEEPER-and-more' }).expect(400);
    expect((refused.body as ApiErrorBody).fields).toEqual({ password: ['containsUsername'] });
    await signIn(t.app.getHttpServer(), 'keeper', password);
  });

  it('should stop the boot with a clear error when ADMIN_PASSWORD is weak', () => {
    expect(() => loadConfig({ ADMIN_USERNAME: 'root', ADMIN_PASSWORD: 'password' })).toThrow(
      'ADMIN_PASSWORD is refused: the password must be at least 12 characters',
    );
    expect(() => loadConfig({ ADMIN_USERNAME: 'root', ADMIN_PASSWORD: 'qwertyuiop123' })).toThrow(/most common passwords/);
  });

  it('should refuse a weak password in npm run user:create', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'hamgam-cli-'));
    try {
      const cli = resolve(__dirname, '../../../dist/auth/cli/user-create.js');
      const result = await new Promise<{ code: number | null; stderr: string }>((done) => {
        const child = execFile(
          process.execPath,
          [cli, 'dana', '--role', 'admin'],
          { env: { PATH: process.env.PATH, DATA_DIR: dataDir } },
          (error, _stdout, stderr) => done({ code: error ? ((error as { code?: number }).code ?? 1) : 0, stderr }),
        );
        child.stdin!.end('dana-is-admin\n');
      });
      expect(result.code).toBe(1);
      expect(result.stderr).toContain('the password must not be or contain the username');
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
