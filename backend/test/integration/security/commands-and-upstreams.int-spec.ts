import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { startGolestanStandIn, type GolestanStandIn } from '@hamgam/stand-ins';
import type { ApiErrorBody, RunLog, Source, SyncRun } from '@hamgam/shared';
import { startTestApp, triggerRun, waitForRunEnd, type TestApp } from '../helpers/test-app';

// Security review ("Hardening"), replayed against the running app: each test is one attack.

const PRINT_ENV = join(__dirname, '../../fixtures/print-env.mjs');

const logOf = async (t: TestApp, run: SyncRun) => ((await t.http().get(`/api/runs/${run.id}/log`).expect(200)).body as RunLog).lines.map((line) => line.message);

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
    const db = new Database(t.config.databasePath);
    // What an admin could write over the API before this fix, and a command row no configuration names any more.
    db.prepare(`UPDATE sources SET command = ? WHERE id = 'print-env'`).run(JSON.stringify({ executable: '/bin/sh', args: ['-c', 'echo pwned; echo Total records: 1'], cwd: '/', countPattern: 'Total records: (\\d+)' }));
    db.prepare(`INSERT INTO sources (id, kind, enabled, timeout_seconds, options, command, created_at, updated_at) VALUES ('old-script', 'command', 1, 60, '{}', ?, '2026-01-01', '2026-01-01')`).run(
      JSON.stringify({ executable: '/bin/sh', args: ['-c', 'echo pwned; echo Total records: 1'], cwd: '/', countPattern: 'Total records: (\\d+)' }),
    );
    db.close();
    await t.close({ keepData: true });
    t = await startTestApp({
      dataDir: t.dataDir,
      env: { COMMAND_SOURCES_FILE: join(configDir, 'commands.json'), HAMGAM_SECRET_KEY: Buffer.alloc(32, 7).toString('base64') },
    });

    const sources = (await t.http().get('/api/sources').expect(200)).body as Source[];
    expect(sources.find((source) => source.id === 'print-env')?.command?.executable).toBe(process.execPath);
    expect(sources.find((source) => source.id === 'old-script')?.command).toBeNull();
    const stored = new Database(t.config.databasePath, { readonly: true });
    const rows = stored.prepare(`SELECT id, command FROM sources WHERE kind = 'command'`).all() as { id: string; command: string | null }[];
    stored.close();
    expect(rows.map((row) => row.command ?? '').join('\n')).not.toContain('/bin/sh');

    const refused = await t.http().post('/api/sources/old-script/runs').send({}).expect(409);
    expect((refused.body as ApiErrorBody).message).toMatch(/server configuration/);
    const run = await waitForRunEnd(t, (await triggerRun(t, 'print-env')).id);
    expect((await logOf(t, run)).join('\n')).not.toContain('pwned');
  });
});
