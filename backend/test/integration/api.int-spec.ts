import { request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import { startGolestanStandIn, type GolestanStandIn } from '@hamgam/stand-ins';
import type { ApiErrorBody, ServerEvent, Source } from '@hamgam/shared';
import { storedInClear } from './helpers/stored-text';
import { startTestApp, triggerRun, waitForRunEnd, type TestApp } from './helpers/test-app';

describe('the HTTP API', () => {
  let gateway: GolestanStandIn;
  let t: TestApp;

  beforeAll(async () => {
    gateway = await startGolestanStandIn({ facultyCount: 40, seed: 5 });
    t = await startTestApp({ env: { GOLESTAN_BASE_URL: gateway.url, GOLESTAN_USERNAME: gateway.username, GOLESTAN_PASSWORD: gateway.password } });
  });

  afterAll(async () => {
    await t.close();
    await gateway.close();
  });

  it('should report health when the database answers', async () => {
    const response = await t.http().get('/api/health').expect(200);
    expect(response.body).toMatchObject({ status: 'ok', database: 'ok' });
  });

  it('should serve the OpenAPI description when /api/docs is asked', async () => {
    const response = await t.http().get('/api/docs-json').expect(200);
    expect(Object.keys(response.body.paths)).toEqual(
      expect.arrayContaining(['/api/sources', '/api/sources/{id}/runs', '/api/runs/{id}/cancel', '/api/events']),
    );
  });

  it.each([
    ['a negative timeout', { timeoutSeconds: -5 }, 'timeoutSeconds'],
    ['a timeout that is not a number', { timeoutSeconds: 'soon' }, 'timeoutSeconds'],
    ['a null timeout', { timeoutSeconds: null }, 'timeoutSeconds'],
    ['a null enabled flag', { enabled: null }, 'enabled'],
    ['a base URL that is not a URL', { connection: { baseUrl: 'not a url' } }, 'connection.baseUrl'],
    ['a non-boolean enabled flag', { enabled: 'yes' }, 'enabled'],
    ['an unknown field', { colour: 'red' }, 'colour'],
  ])('should answer 400 naming the field when PATCH has %s', async (_label, body, field) => {
    const response = await t.http().patch('/api/sources/faculty').send(body).expect(400);
    const error = response.body as ApiErrorBody;
    expect(error.fields?.[field]?.length).toBeGreaterThan(0);
  });

  it('should answer 400 and change nothing when a command setting is sent to a connector source', async () => {
    const before = (await t.http().get('/api/sources/faculty').expect(200)).body as Source;
    await t
      .http()
      .patch('/api/sources/faculty')
      .send({ command: { executable: 'rm' } })
      .expect(400);
    expect((await t.http().get('/api/sources/faculty').expect(200)).body).toEqual(before);
  });

  it('should answer 400 when the body is not JSON', async () => {
    const response = await t.http().patch('/api/sources/faculty').set('content-type', 'application/json').send('{"enabled": tru').expect(400);
    expect((response.body as ApiErrorBody).message).toMatch(/JSON/);
  });

  it.each([
    ['/api/runs?status=bogus', 400],
    ['/api/runs?pageSize=1000', 400],
    ['/api/runs?page=0', 400],
    ['/api/runs/abc', 400],
    ['/api/runs/999999', 404],
    ['/api/runs/999999/log', 404],
    ['/api/sources/nope', 404],
  ])('should answer %s with %i', async (path, status) => {
    const response = await t.http().get(path).expect(status);
    expect((response.body as ApiErrorBody).message.length).toBeGreaterThan(0);
  });

  it('should answer 404 when a run of an unknown source is triggered', async () => {
    await t.http().post('/api/sources/nope/runs').send({}).expect(404);
  });

  it('should list runs newest first with a total and filters when runs exist', async () => {
    const first = await waitForRunEnd(t, (await triggerRun(t, 'faculty')).id);
    const second = await waitForRunEnd(t, (await triggerRun(t, 'faculty')).id);

    const page = (await t.http().get('/api/runs?sourceId=faculty&pageSize=1&page=1').expect(200)).body;
    expect(page).toMatchObject({ total: expect.any(Number), page: 1, pageSize: 1 });
    expect(page.items[0].id).toBe(second.id);
    const nextPage = (await t.http().get('/api/runs?sourceId=faculty&pageSize=1&page=2').expect(200)).body;
    expect(nextPage.items[0].id).toBe(first.id);
    const failedOnly = (await t.http().get('/api/runs?status=failed').expect(200)).body;
    expect(failedOnly.items.every((run: { status: string }) => run.status === 'failed')).toBe(true);
    expect((await t.http().get('/api/runs/active').expect(200)).body).toEqual([]);
  });

  it('should never return or log the password when settings change and runs happen', async () => {
    const secret = 'n3w-Secret-Passw0rd';
    const bodies: string[] = [];
    bodies.push(
      JSON.stringify(
        (
          await t
            .http()
            .patch('/api/sources/faculty')
            .send({ connection: { password: secret } })
            .expect(200)
        ).body,
      ),
    );
    const source = (await t.http().get('/api/sources/faculty').expect(200)).body as Source;
    expect(source.connection).toEqual({ baseUrl: gateway.url, username: gateway.username, hasPassword: true });
    const run = await waitForRunEnd(t, (await triggerRun(t, 'faculty')).id);
    // The gateway does not know the new password: the run fails with auth and must not echo it.
    expect(run.errorKind).toBe('auth');
    for (const path of ['/api/sources', '/api/sources/faculty', `/api/runs/${run.id}`, `/api/runs/${run.id}/log`, '/api/runs']) {
      bodies.push(JSON.stringify((await t.http().get(path).expect(200)).body));
    }
    expect(bodies.join('\n')).not.toContain(secret);
    expect(t.logger.lines.join('\n')).not.toContain(secret);
    // Stored encrypted, not in clear, in the database (the SQLite file, or every table on PostgreSQL).
    expect(await storedInClear(t, secret)).toBe(false);
    await t
      .http()
      .patch('/api/sources/faculty')
      .send({ connection: { password: gateway.password } })
      .expect(200);
  });

  it('should stream run events when a run happens', async () => {
    const address = t.app.getHttpServer().address() ?? (await t.app.listen(0), t.app.getHttpServer().address());
    const port = (address as AddressInfo).port;
    const events: ServerEvent[] = [];
    let connected: () => void = () => undefined;
    const isConnected = new Promise<void>((resolve) => (connected = resolve));
    const finished = new Promise<void>((resolve, reject) => {
      const req = httpRequest({ host: '127.0.0.1', port, path: '/api/events', headers: { accept: 'text/event-stream', cookie: t.cookie } }, (res) => {
        expect(res.headers['content-type']).toContain('text/event-stream');
        connected();
        let buffer = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => {
          buffer += chunk;
          for (let end = buffer.indexOf('\n\n'); end >= 0; end = buffer.indexOf('\n\n')) {
            const block = buffer.slice(0, end);
            buffer = buffer.slice(end + 2);
            const data = block.split('\n').find((line) => line.startsWith('data: '));
            if (!data) continue;
            const event = JSON.parse(data.slice(6)) as ServerEvent;
            events.push(event);
            if (event.type === 'run.finished') {
              req.destroy();
              resolve();
            }
          }
        });
      });
      req.on('error', (error) => (events.some((event) => event.type === 'run.finished') ? resolve() : reject(error)));
      req.end();
    });
    await isConnected;

    await triggerRun(t, 'faculty');
    await finished;

    const types = events.map((event) => event.type);
    expect(types[0]).toBe('run.created');
    expect(types).toContain('run.progress');
    expect(types[types.length - 1]).toBe('run.finished');
  });
});
