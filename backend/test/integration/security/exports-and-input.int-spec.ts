import { chmodSync, mkdtempSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startTestApp, type HttpClient, type TestApp } from '../helpers/test-app';

// Replays the security review's attacks ("Hardening": findings 1, 5 and the small ones of 7) against the running app.
describe('exports and input under attack', () => {
  let t: TestApp;
  let auditor: () => HttpClient;

  beforeAll(async () => {
    t = await startTestApp();
    auditor = await t.as('auditor');
  });

  afterAll(async () => {
    await t.close();
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
    const response = await auditor().get(path).expect(400);
    expect(response.body.fields[field]).toEqual([expect.any(String)]);
    expect(t.logger.lines.join('\n')).not.toMatch(/SqliteError|QueryFailedError/);
  });

  it('should still answer pages and searches within the limits when the input is plain', async () => {
    await auditor().get('/api/runs?q=abc&page=1000000').expect(200);
    await auditor().get(`/api/runs?q=${encodeURIComponent('کد ملی')}`).expect(200);
    await auditor().get('/api/sources/faculty/records?q=abc&page=2').expect(200);
  });

  it.each([
    ['POST', '/api/users'],
    ['PATCH', '/api/sources/faculty'],
    ['POST', '/api/sources/faculty/runs'],
  ])('should answer 400 without a stack trace in the log when %s %s gets JSON nested 2,000 deep', async (method, path) => {
    const body = '{"a":'.repeat(2000) + '1' + '}'.repeat(2000);
    const request = method === 'POST' ? t.http().post(path) : t.http().patch(path);
    const response = await request.set('Content-Type', 'application/json').send(body).expect(400);
    expect(response.body.message).toBe('the JSON body nests deeper than 32 levels');
    expect(t.logger.lines.join('\n')).not.toMatch(/RangeError|Maximum call stack|\n\s+at /);
  });

  it('should still take ordinary JSON and refuse malformed JSON as before when bodies are not deep', async () => {
    await t.http().patch('/api/sources/faculty').send({ timeoutSeconds: 1200, connection: { baseUrl: 'http://127.0.0.1:9/' } }).expect(200);
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
      for (const file of ['hamgam.sqlite', 'hamgam.sqlite-wal', 'hamgam.sqlite-shm']) expect([file, mode(join(dataDir, file))]).toEqual([file, 0o600]);
    } finally {
      await t.close();
    }
  });
});
