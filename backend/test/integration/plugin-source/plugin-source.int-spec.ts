import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { RecordPage, RunLog, Source } from '@hamgam/shared';
import { startTestApp, triggerRun, waitForRunEnd, type TestApp } from '../helpers/test-app';
import { LIBRARY_KEY_HEADER, librarySource } from './library.source';

const API_KEY = 'lib-key-7c1e9f';
const BOOKS = ['b1', 'b2', 'b3', 'b4', 'b5'].map((code, index) => ({ code, title: `Book ${index + 1}`, author: `Author ${index + 1}` }));
const MEMBERS = ['m1', 'm2', 'm3'].map((card, index) => ({ card, name: `Member ${index + 1}` }));

type Seen = { path: string; key: string | undefined; pageSize: string | null };

/** A tiny library API: a key in a header, books and members page by page. */
function startLibrary(seen: Seen[]): Promise<Server> {
  const server = createServer((request: IncomingMessage, response) => {
    const url = new URL(request.url ?? '/', 'http://library');
    const key = request.headers[LIBRARY_KEY_HEADER] as string | undefined;
    seen.push({ path: url.pathname, key, pageSize: url.searchParams.get('pageSize') });
    response.setHeader('content-type', 'application/json');
    if (key !== API_KEY) return void response.writeHead(401).end('{"error":"bad key"}');
    if (url.pathname === '/whoami') return void response.end(JSON.stringify({ library: 'Central library', user: 'hamgam' }));
    const list = url.pathname === '/books' ? BOOKS : url.pathname === '/members' ? MEMBERS : null;
    if (!list) return void response.writeHead(404).end('{}');
    const page = Number(url.searchParams.get('page'));
    const size = Number(url.searchParams.get('pageSize'));
    response.end(JSON.stringify({ items: list.slice((page - 1) * size, page * size), hasMore: page * size < list.length }));
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

describe('a source defined only in test code', () => {
  let t: TestApp;
  let library: Server;
  let baseUrl: string;
  const seen: Seen[] = [];

  beforeAll(async () => {
    library = await startLibrary(seen);
    baseUrl = `http://127.0.0.1:${(library.address() as AddressInfo).port}`;
    t = await startTestApp({ catalog: [librarySource], env: { WORKER_ENTRY: join(__dirname, 'worker-entry.js') } });
  });

  afterAll(async () => {
    await t.close();
    await new Promise((resolve) => library.close(resolve));
  });

  it('should describe its declared connection, option and record tables when it is read', async () => {
    const source = (await t.http().get('/api/sources/library').expect(200)).body as Source;

    expect(source.connection).toBeNull();
    expect(source.options).toEqual({ pageSize: 2 });
    expect(source.settings.connection).toEqual([
      { name: 'baseUrl', kind: 'url', isRequired: true, isNeededForTest: false },
      { name: 'apiKey', kind: 'secret', isRequired: true, isNeededForTest: true },
    ]);
    expect(source.settings.options.properties.pageSize).toMatchObject({ type: 'integer', minimum: 1, maximum: 50, default: 2, labelKey: 'options.pageSize' });
    expect(source.recordTables).toEqual([
      { id: 'books', columns: ['author'] },
      { id: 'members', columns: [] },
    ]);
    expect(source.canTestConnection).toBe(true);
  });

  it('should refuse undeclared and bad fields by name and store nothing when settings are sent', async () => {
    const unknown = await t
      .http()
      .patch('/api/sources/library')
      .send({ connection: { baseUrl: 'ftp://library', password: 'p' }, options: { colour: 'red' } })
      .expect(400);
    expect(Object.keys(unknown.body.fields).sort()).toEqual(['connection.baseUrl', 'connection.password', 'options.colour']);

    const outOfRange = await t
      .http()
      .patch('/api/sources/library')
      .send({ options: { pageSize: 99 } })
      .expect(400);
    expect(Object.keys(outOfRange.body.fields)).toEqual(['options.pageSize']);
    expect((await t.http().get('/api/sources/library').expect(200)).body.options).toEqual({ pageSize: 2 });
  });

  it('should keep the API key write-only, shown as hasApiKey, when the connection is saved', async () => {
    const saved = await t
      .http()
      .patch('/api/sources/library')
      .send({ connection: { baseUrl: `${baseUrl}/`, apiKey: API_KEY }, options: { pageSize: 3 } })
      .expect(200);

    expect(saved.body.connection).toEqual({ baseUrl, hasApiKey: true });
    expect(saved.body.options).toEqual({ pageSize: 3 });
    expect(JSON.stringify(saved.body)).not.toContain(API_KEY);
    expect(JSON.stringify((await t.http().get('/api/sources').expect(200)).body)).not.toContain(API_KEY);
  });

  it('should test the stored key, a typed one, and never carry the stored key to a new address', async () => {
    const stored = await t.http().post('/api/sources/library/test-connection').send({}).expect(200);
    expect(stored.body).toMatchObject({ isOk: true, system: { name: 'Central library', user: 'hamgam' } });

    const typed = await t
      .http()
      .post('/api/sources/library/test-connection')
      .send({ connection: { apiKey: 'wrong' } })
      .expect(200);
    expect(typed.body).toMatchObject({ isOk: false, errorKind: 'auth' });

    seen.length = 0;
    const moved = await t
      .http()
      .post('/api/sources/library/test-connection')
      .send({ connection: { baseUrl: `${baseUrl}/elsewhere` } })
      .expect(200);
    expect(moved.body.isOk).toBe(false);
    expect(seen.map((request) => request.key ?? '')).toEqual(['']);

    const refused = await t
      .http()
      .patch('/api/sources/library')
      .send({ connection: { baseUrl: `${baseUrl}/elsewhere` } })
      .expect(400);
    expect(Object.keys(refused.body.fields)).toEqual(['connection.apiKey']);
  });

  it('should run through the forked worker with its key and option and fill both record tables', async () => {
    seen.length = 0;
    const run = await waitForRunEnd(t, (await triggerRun(t, 'library')).id);

    expect(run).toMatchObject({ status: 'success', counts: { fetched: 8, inserted: 8 } });
    expect(seen.length).toBeGreaterThan(0);
    expect(seen.every((request) => request.key === API_KEY && request.pageSize === '3')).toBe(true);
    const books = (await t.http().get('/api/sources/library/records?table=books&pageSize=10').expect(200)).body as RecordPage;
    expect(books).toMatchObject({ table: 'books', columns: ['author'], total: 5 });
    expect(books.items[0]).toMatchObject({ key: 'b1', name: 'Book 1', fields: { author: 'Author 1' } });
    const members = (await t.http().get('/api/sources/library/records?table=members').expect(200)).body as RecordPage;
    expect(members).toMatchObject({ table: 'members', total: 3 });
    const stats = (await t.http().get('/api/sources/library/stats').expect(200)).body;
    expect(stats.tables).toEqual([
      { table: 'books', live: 5, deleted: 0, upstream: null },
      { table: 'members', live: 3, deleted: 0, upstream: null },
    ]);
    expect(JSON.stringify((await t.http().get(`/api/runs/${run.id}/log`).expect(200)).body)).not.toContain(API_KEY);
  });

  it('should run with the default and log a warning when a stored option is outside what the source declares', async () => {
    const stored = (await t.sql.get<{ options: string }>(`SELECT options FROM sources WHERE id = 'library'`))!.options;
    // A value saved under older limits (the declaration now takes 1–50): the API reads it, the worker gets the default.
    await t.sql.run(`UPDATE sources SET options = ? WHERE id = 'library'`, [JSON.stringify({ ...JSON.parse(stored), pageSize: 500 })]);
    seen.length = 0;

    const run = await waitForRunEnd(t, (await triggerRun(t, 'library')).id);

    expect(run.status).toBe('success');
    expect(seen.length).toBeGreaterThan(0);
    expect(seen.every((request) => request.pageSize === '2')).toBe(true);
    const log = (await t.http().get(`/api/runs/${run.id}/log`).expect(200)).body as RunLog;
    expect(log.lines).toContainEqual(expect.objectContaining({ level: 'warn', message: expect.stringMatching(/^option pageSize .*; using 2$/) }));
  });
});
