import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer as createHttpServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { createServer as createTcpServer, type AddressInfo, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startGolestanStandIn, startMoodleStandIn, type GolestanStandIn, type MoodleStandIn } from '@hamgam/stand-ins';
import type { ApiErrorBody, ConnectionTestResult, RunLog, Source, SyncRun } from '@hamgam/shared';
import { startTestApp, triggerRun, waitForRunEnd, type TestApp } from '../helpers/test-app';

// Security review ("Hardening"), replayed against the running app: each test is one attack.

const PRINT_ENV = join(__dirname, '../../fixtures/print-env.mjs');

const logOf = async (t: TestApp, run: SyncRun) =>
  ((await t.http().get(`/api/runs/${run.id}/log`).expect(200)).body as RunLog).lines.map((line) => line.message);

describe('finding 2: an admin session is not a shell on the host', () => {
  const SERVER_SECRET = 'server-only-secret-4711';
  let gateway: GolestanStandIn;
  let t: TestApp;
  let configDir: string;
  let savedAdminPassword: string | undefined;

  beforeAll(async () => {
    gateway = await startGolestanStandIn({ facultyCount: 5, seed: 2 });
    configDir = mkdtempSync(join(tmpdir(), 'hamgam-sec-commands-'));
    const sources = [
      {
        id: 'print-env',
        name: 'Prints its environment',
        executable: process.execPath,
        args: [PRINT_ENV],
        cwd: '.',
        env: { FACULTY_DB_NAME: 'hamgam_demo' },
        timeoutSeconds: 60,
        countPattern: 'Total records: (\\d+)',
      },
    ];
    writeFileSync(join(configDir, 'commands.json'), JSON.stringify(sources));
    // The server's own environment holds secrets a command must never see.
    savedAdminPassword = process.env.ADMIN_PASSWORD;
    process.env.ADMIN_PASSWORD = SERVER_SECRET;
    t = await startTestApp({
      env: {
        COMMAND_SOURCES_FILE: join(configDir, 'commands.json'),
        HAMGAM_SECRET_KEY: Buffer.alloc(32, 7).toString('base64'),
        GOLESTAN_BASE_URL: gateway.url,
        GOLESTAN_USERNAME: gateway.username,
        GOLESTAN_PASSWORD: gateway.password,
        LANG: 'C.UTF-8',
      },
      standIns: { 'legacy-faculty': { baseUrl: gateway.url, username: gateway.username, password: gateway.password } },
    });
  });

  afterAll(async () => {
    if (savedAdminPassword === undefined) delete process.env.ADMIN_PASSWORD;
    else process.env.ADMIN_PASSWORD = savedAdminPassword;
    await t.close();
    await gateway.close();
    rmSync(configDir, { recursive: true, force: true });
  });

  it.each([
    ['an executable', { command: { executable: '/bin/sh' } }],
    ['arguments', { command: { args: ['-c', 'id > /tmp/pwned'] } }],
    ['a working directory', { command: { cwd: '/' } }],
    ['a null command', { command: null }],
  ])('should answer 400 naming the command field and change nothing when PATCH sends %s', async (_label, body) => {
    const before = (await t.http().get('/api/sources/legacy-faculty').expect(200)).body as Source;

    const response = await t.http().patch('/api/sources/legacy-faculty').send(body).expect(400);

    expect((response.body as ApiErrorBody).fields?.command?.[0]).toMatch(/server configuration/);
    expect((await t.http().get('/api/sources/legacy-faculty').expect(200)).body).toEqual(before);
  });

  it('should still let an admin turn a command source off and on and set its time limit when PATCH sends only those', async () => {
    const off = (await t.http().patch('/api/sources/print-env').send({ enabled: false, timeoutSeconds: 90 }).expect(200)).body as Source;
    expect(off).toMatchObject({ enabled: false, timeoutSeconds: 90 });
    await t.http().patch('/api/sources/print-env').send({ enabled: true }).expect(200);
  });

  it('should show what configuration says a command source runs when GET reads it', async () => {
    const sources = (await t.http().get('/api/sources').expect(200)).body as Source[];

    expect(sources.find((source) => source.id === 'print-env')?.command).toEqual({
      name: 'Prints its environment',
      executable: process.execPath,
      args: [PRINT_ENV],
      cwd: configDir,
      countPattern: 'Total records: (\\d+)',
      envNames: ['FACULTY_DB_NAME'],
    });
    expect(sources.find((source) => source.id === 'legacy-faculty')?.command?.executable).toBe('python3');
  });

  it('should give the command only PATH, the locale, its configured variables and the run variables when it runs', async () => {
    const run = await waitForRunEnd(t, (await triggerRun(t, 'print-env')).id);

    expect(run.status).toBe('success');
    const names = (await logOf(t, run)).filter((line) => /^[A-Za-z_][A-Za-z0-9_]*=/.test(line)).map((line) => line.split('=')[0]);
    // Node itself may add a few of its own (none of the server's); everything the server had beyond these stays out.
    expect(names).toEqual(expect.arrayContaining(['FACULTY_DB_NAME', 'HAMGAM_RUN_ID', 'HAMGAM_SOURCE_ID', 'LANG', 'PATH']));
    expect(names.filter((name) => !['FACULTY_DB_NAME', 'HAMGAM_RUN_ID', 'HAMGAM_SOURCE_ID', 'LANG', 'LC_ALL', 'PATH', 'TZ'].includes(name))).toEqual([]);
    const log = (await logOf(t, run)).join('\n');
    expect(log).toContain('FACULTY_DB_NAME=hamgam_demo');
    expect(log).not.toContain(SERVER_SECRET);
    expect(log).not.toContain('ADMIN_PASSWORD');
    expect(log).not.toContain('HAMGAM_SECRET_KEY');
    expect(log).not.toContain(gateway.password);
  });

  it('should run what configuration says, not an executable stored before, when the app starts again', async () => {
    const planted = JSON.stringify({
      executable: '/bin/sh',
      args: ['-c', 'echo pwned; echo Total records: 1'],
      cwd: '/',
      countPattern: 'Total records: (\\d+)',
    });
    // What an admin could write over the API before this fix, and a command row no configuration names any more.
    await t.sql.run(`UPDATE sources SET command = ? WHERE id = 'print-env'`, [planted]);
    await t.sql.run(
      `INSERT INTO sources (id, kind, enabled, timeout_seconds, options, command, created_at, updated_at) VALUES ('old-script', 'command', ?, 60, '{}', ?, '2026-01-01', '2026-01-01')`,
      [true, planted],
    );
    await t.close({ keepData: true });
    t = await startTestApp({
      dataDir: t.dataDir,
      env: { COMMAND_SOURCES_FILE: join(configDir, 'commands.json'), HAMGAM_SECRET_KEY: Buffer.alloc(32, 7).toString('base64') },
    });

    const sources = (await t.http().get('/api/sources').expect(200)).body as Source[];
    expect(sources.find((source) => source.id === 'print-env')?.command?.executable).toBe(process.execPath);
    expect(sources.find((source) => source.id === 'old-script')?.command).toBeNull();
    const rows = await t.sql.all<{ id: string; command: string | null }>(`SELECT id, command FROM sources WHERE kind = 'command'`);
    expect(rows.map((row) => row.command ?? '').join('\n')).not.toContain('/bin/sh');

    const refused = await t.http().post('/api/sources/old-script/runs').send({}).expect(409);
    expect((refused.body as ApiErrorBody).message).toMatch(/server configuration/);
    const run = await waitForRunEnd(t, (await triggerRun(t, 'print-env')).id);
    expect((await logOf(t, run)).join('\n')).not.toContain('pwned');
  });
});

// What an internal service might hold: none of it may come back through the panel.
const INTERNAL = 'INTERNAL-ONLY root:x:0:0 db_password=hunter2';

type Probe = { url: string; requests: { path: string; body: string }[]; close: () => Promise<void> };

/** An HTTP server standing for an internal service: answers every request with `answer` and records what it got. */
async function startHttpProbe(answer: (req: IncomingMessage, res: ServerResponse) => void): Promise<Probe> {
  const requests: Probe['requests'] = [];
  const server = createHttpServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      requests.push({ path: req.url ?? '', body: Buffer.concat(chunks).toString('utf8') });
      answer(req, res);
    });
  });
  return listen(server, (port) => `http://127.0.0.1:${port}`, requests);
}

/** A TCP server that does `onConnection` with each connection: not HTTP, a reset, or silence. */
async function startTcpProbe(onConnection: (socket: Socket) => void): Promise<Probe> {
  const sockets = new Set<Socket>();
  const server = createTcpServer((socket) => {
    sockets.add(socket);
    socket.on('error', () => undefined);
    socket.on('close', () => sockets.delete(socket));
    onConnection(socket);
  });
  const probe = await listen(server, (port) => `http://127.0.0.1:${port}`, []);
  const close = () => {
    for (const socket of sockets) socket.destroy();
    return probe.close();
  };
  return { ...probe, close };
}

async function listen(server: Server | ReturnType<typeof createHttpServer>, toUrl: (port: number) => string, requests: Probe['requests']): Promise<Probe> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: toUrl(port), requests, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

/** A port nothing listens on (taken and given back). */
async function closedPortUrl(): Promise<string> {
  const probe = await listen(createTcpServer(), (port) => `http://127.0.0.1:${port}`, []);
  await probe.close();
  return probe.url;
}

const setOptions = async (t: TestApp, id: string, options: Record<string, unknown>) => {
  await t.sql.run('UPDATE sources SET options = ? WHERE id = ?', [JSON.stringify(options), id]);
};

describe('finding 6: upstream requests are not a probe of the internal network', () => {
  let gateway: GolestanStandIn;
  let moodle: MoodleStandIn;
  let t: TestApp;
  const probes: Probe[] = [];
  const probe = async (start: Promise<Probe>) => {
    const started = await start;
    probes.push(started);
    return started;
  };
  const testConnection = async (baseUrl: string) =>
    (
      await t
        .http()
        .post('/api/sources/moodle/test-connection')
        .send({ connection: { baseUrl, token: 'a-token-typed-for-the-test' } })
        .expect(200)
    ).body as ConnectionTestResult;

  beforeAll(async () => {
    gateway = await startGolestanStandIn({ facultyCount: 5, seed: 4 });
    moodle = await startMoodleStandIn({ courses: 1, users: 3 });
    t = await startTestApp({
      env: {
        GOLESTAN_BASE_URL: gateway.url,
        GOLESTAN_USERNAME: gateway.username,
        GOLESTAN_PASSWORD: gateway.password,
        MOODLE_BASE_URL: moodle.url,
        MOODLE_TOKEN: moodle.token,
      },
    });
    await setOptions(t, 'moodle', { requestTimeoutMs: 1000, retryBaseMs: 20 });
    await setOptions(t, 'faculty', { maxRetries: 1, retryBaseMs: 10, requestTimeoutMs: 2000 });
  });

  afterAll(async () => {
    await Promise.all(probes.map((started) => started.close()));
    await t.close();
    await gateway.close();
    await moodle.close();
  });

  it.each([
    ['an error status with a body', 500, 'text/plain', INTERNAL],
    ['a not-found page', 404, 'text/html', `<html><body>${INTERNAL}</body></html>`],
    ['a success that is not JSON', 200, 'text/plain', INTERNAL],
    ['a redirect elsewhere', 302, 'text/plain', INTERNAL],
  ])('should answer a summary without the body when a tested address answers %s', async (_label, status, type, body) => {
    const internal = await probe(startHttpProbe((_req, res) => res.writeHead(status, { 'content-type': type, location: 'http://10.0.0.1/' }).end(body)));

    const result = await testConnection(internal.url);

    expect(result.isOk).toBe(false);
    expect(result.message).toContain(String(status));
    expect(JSON.stringify(result)).not.toMatch(/INTERNAL|hunter2|root:x/);
  });

  it('should show a Moodle errorcode but not the message text when the answer is a Moodle-shaped error', async () => {
    const internal = await probe(
      startHttpProbe((_req, res) =>
        res
          .writeHead(200, { 'content-type': 'application/json' })
          .end(JSON.stringify({ exception: 'moodle_exception', errorcode: 'invalidtoken', message: INTERNAL })),
      ),
    );

    const result = await testConnection(internal.url);

    expect(result).toMatchObject({ isOk: false, errorKind: 'auth' });
    expect(result.message).toContain('invalidtoken');
    expect(JSON.stringify(result)).not.toMatch(/INTERNAL|hunter2/);
  });

  it('should not show an error code that is really text from the address when it is not shaped like one', async () => {
    const internal = await probe(
      startHttpProbe((_req, res) => res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ errorcode: INTERNAL }))),
    );

    const result = await testConnection(internal.url);

    expect(result.isOk).toBe(false);
    expect(JSON.stringify(result)).not.toMatch(/INTERNAL|hunter2/);
  });

  it('should answer the same for a closed port, a reset, a service that is not HTTP and one that never answers', async () => {
    const targets = {
      closed: await closedPortUrl(),
      reset: (await probe(startTcpProbe((socket) => socket.resetAndDestroy()))).url,
      notHttp: (await probe(startTcpProbe((socket) => socket.end(`SSH-2.0-OpenSSH_9.2 ${INTERNAL}\r\n`)))).url,
      silent: (await probe(startTcpProbe(() => undefined))).url,
    };

    const results: Record<string, Pick<ConnectionTestResult, 'isOk' | 'errorKind' | 'message' | 'system' | 'checks'>> = {};
    for (const [name, url] of Object.entries(targets)) {
      const { isOk, errorKind, message, system, checks } = await testConnection(url);
      // Only the port differs between the messages: it is the address the admin typed.
      results[name] = { isOk, errorKind, message: message?.replace(url, '<address>') ?? null, system, checks };
    }

    expect(new Set(Object.values(results).map((result) => JSON.stringify(result))).size).toBe(1);
    expect(results.closed).toMatchObject({ isOk: false, errorKind: 'network' });
    expect(JSON.stringify(results)).not.toMatch(/ECONN|SSH|INTERNAL|timeout|within/i);
    // The server's own log keeps the technical detail for the operator.
    expect(t.logger.lines.join('\n')).toMatch(/connection test of moodle failed \(network\).*\[.*ECONNREFUSED.*\]/);
  });

  it('should fail a run with a summary and keep the body out of its log when the upstream answers an error page', async () => {
    const internal = await probe(startHttpProbe((_req, res) => res.writeHead(404, { 'content-type': 'text/html' }).end(`<pre>${INTERNAL}</pre>`)));
    await t
      .http()
      .patch('/api/sources/faculty')
      .send({ connection: { baseUrl: internal.url, password: 'typed-again' } })
      .expect(200);

    const run = await waitForRunEnd(t, (await triggerRun(t, 'faculty')).id);

    expect(run).toMatchObject({ status: 'failed', errorKind: 'upstream' });
    expect(run.errorMessage).toContain('answered 404');
    const log = (await logOf(t, run)).join('\n');
    expect(log).toContain('HTTP 404');
    expect(`${run.errorMessage}\n${log}\n${t.logger.lines.join('\n')}`).not.toMatch(/INTERNAL|hunter2|root:x/);
    await t
      .http()
      .patch('/api/sources/faculty')
      .send({ connection: { baseUrl: gateway.url, password: gateway.password } })
      .expect(200);
  });

  it('should fail a run with the one network message and keep the errno in its log when the address refuses', async () => {
    await t
      .http()
      .patch('/api/sources/faculty')
      .send({ connection: { baseUrl: await closedPortUrl(), password: 'typed-again' } })
      .expect(200);

    const run = await waitForRunEnd(t, (await triggerRun(t, 'faculty')).id);

    expect(run).toMatchObject({ status: 'failed', errorKind: 'network' });
    expect(run.errorMessage).toContain('no HTTP answer');
    expect(run.errorMessage).not.toContain('ECONNREFUSED');
    expect((await logOf(t, run)).join('\n')).toContain('ECONNREFUSED');
    await t
      .http()
      .patch('/api/sources/faculty')
      .send({ connection: { baseUrl: gateway.url, password: gateway.password } })
      .expect(200);
  });

  it.each([
    ['faculty', 'connection.password'],
    ['moodle', 'connection.token'],
  ])('should answer 400 asking for the secret again and save nothing when only the address of %s changes', async (id, field) => {
    const capture = await probe(startHttpProbe((_req, res) => res.writeHead(200, { 'content-type': 'application/json' }).end('{}')));
    const before = (await t.http().get(`/api/sources/${id}`).expect(200)).body as Source;

    const response = await t
      .http()
      .patch(`/api/sources/${id}`)
      .send({ connection: { baseUrl: capture.url } })
      .expect(400);

    expect((response.body as ApiErrorBody).fields?.[field]?.[0]).toMatch(/again/);
    expect((await t.http().get(`/api/sources/${id}`).expect(200)).body).toEqual(before);
    if (id === 'faculty') await waitForRunEnd(t, (await triggerRun(t, 'faculty')).id);
    expect(capture.requests).toEqual([]);
  });
});

describe('finding 6: the upstream allow-list (UPSTREAM_ALLOWED_HOSTS)', () => {
  let gateway: GolestanStandIn;
  let moodle: MoodleStandIn;
  let outside: Probe;
  let t: TestApp;

  beforeAll(async () => {
    gateway = await startGolestanStandIn({ facultyCount: 5, seed: 6 });
    moodle = await startMoodleStandIn({ courses: 1, users: 3 });
    outside = await startHttpProbe((_req, res) => res.writeHead(200, { 'content-type': 'application/json' }).end('{}'));
    const port = (url: string) => new URL(url).port;
    t = await startTestApp({
      env: {
        GOLESTAN_BASE_URL: gateway.url,
        GOLESTAN_USERNAME: gateway.username,
        GOLESTAN_PASSWORD: gateway.password,
        MOODLE_BASE_URL: moodle.url,
        MOODLE_TOKEN: moodle.token,
        UPSTREAM_ALLOWED_HOSTS: `127.0.0.1:${port(gateway.url)}, 127.0.0.1:${port(moodle.url)}, lms.example.ac.ir`,
      },
    });
    await setOptions(t, 'faculty', { maxRetries: 0, retryBaseMs: 10 });
  });

  afterAll(async () => {
    await t.close();
    await outside.close();
    await gateway.close();
    await moodle.close();
  });

  it.each([
    ['another port of an allowed host', () => outside.url],
    ['another name of an allowed address', () => `http://localhost:${new URL(gateway.url).port}`],
    ['an internal address', () => 'http://10.0.0.1:8080'],
  ])('should answer 400 naming the address when PATCH sets %s', async (_label, url) => {
    const response = await t
      .http()
      .patch('/api/sources/faculty')
      .send({ connection: { baseUrl: url(), password: 'typed' } })
      .expect(400);

    expect((response.body as ApiErrorBody).fields?.['connection.baseUrl']?.[0]).toMatch(/UPSTREAM_ALLOWED_HOSTS/);
    expect(((await t.http().get('/api/sources/faculty').expect(200)).body as Source).connection?.baseUrl).toBe(gateway.url);
  });

  it('should save an address whose host is on the list when any port of it is allowed', async () => {
    await t
      .http()
      .patch('/api/sources/moodle')
      .send({ connection: { baseUrl: 'https://lms.example.ac.ir:8443', token: 'typed' } })
      .expect(200);
    await t
      .http()
      .patch('/api/sources/moodle')
      .send({ connection: { baseUrl: moodle.url, token: moodle.token } })
      .expect(200);
  });

  it('should answer 400 when a connection test is asked for an address off the list', async () => {
    const response = await t
      .http()
      .post('/api/sources/moodle/test-connection')
      .send({ connection: { baseUrl: outside.url, token: 'typed' } })
      .expect(400);

    expect((response.body as ApiErrorBody).fields?.['connection.baseUrl']).toBeDefined();
    expect(outside.requests).toEqual([]);
  });

  it('should send nothing off the list when an address stored before the list was set is used', async () => {
    await t.sql.run(`UPDATE sources SET base_url = ? WHERE id IN ('faculty', 'moodle')`, [outside.url]);

    const tested = (await t.http().post('/api/sources/moodle/test-connection').send({}).expect(200)).body as ConnectionTestResult;
    const run = await waitForRunEnd(t, (await triggerRun(t, 'faculty')).id);

    expect(tested).toMatchObject({ isOk: false, errorKind: 'network' });
    expect(tested.message).toMatch(/UPSTREAM_ALLOWED_HOSTS/);
    expect(run).toMatchObject({ status: 'failed', errorKind: 'network' });
    expect(run.errorMessage).toMatch(/UPSTREAM_ALLOWED_HOSTS/);
    expect(outside.requests).toEqual([]);
  });

  it('should still sync from an allowed address when the list is set', async () => {
    await t.sql.run(`UPDATE sources SET base_url = ? WHERE id = 'faculty'`, [gateway.url]);

    const run = await waitForRunEnd(t, (await triggerRun(t, 'faculty')).id);

    expect(run.status).toBe('success');
  });
});

describe('finding 7 (part): a URL-encoded secret does not escape redaction', () => {
  const PASSWORD = 'p@ss w/rd';
  let t: TestApp;
  let configDir: string;

  beforeAll(async () => {
    configDir = mkdtempSync(join(tmpdir(), 'hamgam-sec-redact-'));
    const script = join(__dirname, '../../fixtures/echo-encoded-secret.mjs');
    writeFileSync(
      join(configDir, 'commands.json'),
      JSON.stringify([{ id: 'echo-encoded', executable: process.execPath, args: [script], countPattern: 'Total records: (\\d+)' }]),
    );
    t = await startTestApp({
      env: { COMMAND_SOURCES_FILE: join(configDir, 'commands.json') },
      standIns: { 'echo-encoded': { baseUrl: 'http://127.0.0.1:9', username: 'sync', password: PASSWORD } },
    });
  });

  afterAll(async () => {
    await t.close();
    rmSync(configDir, { recursive: true, force: true });
  });

  it('should mask the password in the run log when a script prints it percent- or form-encoded', async () => {
    const run = await waitForRunEnd(t, (await triggerRun(t, 'echo-encoded')).id);

    expect(run.status).toBe('success');
    const log = (await logOf(t, run)).join('\n');
    expect(log).toContain('password=***');
    expect(log).toContain('as typed: ***');
    expect(log).not.toMatch(/p(@|%40)ss/i);
  });
});
