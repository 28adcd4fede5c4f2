import ExcelJS from 'exceljs';
import type { AuditEntry, Page, SyncRun } from '@hamgam/shared';
import { RetentionService } from '../../src/history/retention.service';
import { getBytes, startTestApp, type TestApp } from './helpers/test-app';

const DAY = 24 * 3600 * 1000;
const NOW = Date.parse('2026-11-25T12:00:00Z');
const SOURCES = ['faculty', 'legacy-faculty'];
const STATUSES = ['success', 'failed', 'cancelled'];
const TRIGGERS = ['manual', 'schedule', 'api'];

/** 90 finished runs over 90 days, one a day: run i is i days old, alternating sources, statuses and triggers. */
async function seed(t: TestApp): Promise<void> {
  await t.query(
    `INSERT INTO sources (id, kind, enabled, timeout_seconds, options, command, created_at, updated_at)
    VALUES ('legacy-faculty', 'command', TRUE, 60, '{}', '{"executable":"true","args":[],"cwd":".","countPattern":"(\\\\d+)"}', '2026-01-01', '2026-01-01')`,
  );
  for (let i = 89; i >= 0; i--) {
    const at = new Date(NOW - i * DAY).toISOString();
    const status = STATUSES[i % 3];
    const trigger = TRIGGERS[i % 3];
    const error = status === 'failed' ? (i % 2 === 0 ? 'gateway answered 503 Service Unavailable' : 'کد ملی نامعتبر در ردیف ۱۲') : null;
    const [{ id }] = await t.query<{ id: number }>(
      `INSERT INTO data_syncs (source_id, trigger, triggered_by, status, created_at, started_at, finished_at, duration_ms, fetched, rejected, error_kind, error_message)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`,
      [
        SOURCES[i % 2],
        trigger,
        trigger === 'schedule' ? 'scheduler' : i % 4 === 0 ? 'sara' : 'admin',
        status,
        at,
        at,
        at,
        1000 + i * 10,
        100 + i,
        i % 5,
        error ? 'upstream' : null,
        error,
      ],
    );
    await t.query(`INSERT INTO run_log_lines (run_id, seq, at, level, message) VALUES (?, 1, ?, 'info', 'line')`, [id, at]);
  }
}

describe('the run history', () => {
  let t: TestApp;
  const list = async (query: string) => (await t.http().get(`/api/runs?${query}`).expect(200)).body as Page<SyncRun>;

  beforeAll(async () => {
    t = await startTestApp();
    await seed(t);
  });

  afterAll(async () => {
    await t.close();
  });

  it('should page newest first with a total when no filter is given', async () => {
    const first = await list('pageSize=25');
    const fourth = await list('pageSize=25&page=4');
    expect(first.total).toBe(90);
    expect(first.items[0].createdAt).toBe(new Date(NOW).toISOString());
    expect(fourth.items).toHaveLength(15);
    expect(Number(first.items[0].id)).toBeGreaterThan(Number(first.items[24].id));
  });

  it.each([
    ['sourceId=legacy-faculty', 45, (run: SyncRun) => run.sourceId === 'legacy-faculty'],
    ['status=failed', 30, (run: SyncRun) => run.status === 'failed'],
    ['trigger=schedule', 30, (run: SyncRun) => run.trigger === 'schedule'],
    ['triggeredBy=Sara', 15, (run: SyncRun) => run.triggeredBy === 'sara'],
    ['status=failed&sourceId=faculty', 15, (run: SyncRun) => run.status === 'failed' && run.sourceId === 'faculty'],
    ['q=503', 15, (run: SyncRun) => run.errorMessage?.includes('503') === true],
    ['q=Service%20Unavail', 15, (run: SyncRun) => run.errorMessage?.includes('Service Unavail') === true],
    ['q=' + encodeURIComponent('کد ملی'), 15, (run: SyncRun) => run.errorMessage?.includes('کد ملی') === true],
    ['q=50', 15, (run: SyncRun) => run.errorMessage?.includes('50') === true],
  ])('should return only matching runs when filtered by %s', async (query, total, matches) => {
    const page = await list(`${query}&pageSize=200`);
    expect(page.total).toBe(total);
    expect(page.items).toHaveLength(total);
    expect(page.items.every(matches)).toBe(true);
  });

  it('should keep runs inside the range when from and to are given', async () => {
    const from = new Date(NOW - 9 * DAY - 1).toISOString();
    const to = new Date(NOW - 4 * DAY + 1).toISOString();
    const page = await list(`from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}&pageSize=200`);
    expect(page.items.map((run) => run.createdAt)).toEqual([4, 5, 6, 7, 8, 9].map((days) => new Date(NOW - days * DAY).toISOString()));
  });

  it('should sort by duration both ways when asked to', async () => {
    const ascending = await list('sort=durationMs&order=asc&pageSize=3');
    const descending = await list('sort=durationMs&order=desc&pageSize=3');
    expect(ascending.items.map((run) => run.durationMs)).toEqual([1000, 1010, 1020]);
    expect(descending.items.map((run) => run.durationMs)).toEqual([1890, 1880, 1870]);
  });

  it('should answer 400 naming the field when a filter is malformed', async () => {
    for (const [query, field] of [
      ['from=yesterday', 'from'],
      ['sort=colour', 'sort'],
      ['trigger=cron', 'trigger'],
      ['order=up', 'order'],
    ]) {
      const response = await t.http().get(`/api/runs?${query}`).expect(400);
      expect(response.body.fields[field]).toBeDefined();
    }
  });

  it('should export the filtered runs as UTF-8 CSV with a BOM, ISO and Jalali times when asked for export.csv in English', async () => {
    const response = await getBytes(t.http(), '/api/runs/export.csv?status=failed&sourceId=legacy-faculty&lang=en');
    const bytes = response.body;
    expect(response.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(response.headers['content-disposition']).toContain('hamgam-runs.csv');
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = bytes.subarray(3).toString('utf8').trim().split('\n');
    const header = lines[0].split(',');
    expect(header.slice(0, 4)).toEqual(['ID', 'Source', 'Status', 'Trigger']);
    expect(header).toEqual(
      expect.arrayContaining([
        'Created (ISO)',
        'Created (Jalali)',
        'Created (local)',
        'Duration (ms)',
        'Fetched',
        'Rejected',
        'Error message',
        'Cancel reason',
      ]),
    );
    expect(lines).toHaveLength(1 + 15);
    const first = Object.fromEntries(header.map((name, index) => [name, lines[1].split(',')[index]]));
    // The newest failed legacy run is a day old: 2026-11-24 12:00 UTC is 15:30 in Tehran, 3 Azar 1405.
    expect(first).toMatchObject({
      Source: 'legacy-faculty',
      'Created (ISO)': '2026-11-24T12:00:00.000Z',
      'Created (local)': '2026-11-24 15:30:00',
      'Created (Jalali)': '1405/09/03 15:30:00',
      'Error kind': 'Upstream system error',
    });
    expect(lines.slice(1).every((line) => line.includes(',Failed,'))).toBe(true);
    expect(bytes.toString('utf8')).toContain('کد ملی نامعتبر');
  });

  it('should write headers, source names, statuses, triggers and error kinds in Persian when asked for lang=fa', async () => {
    const lines = (await getBytes(t.http(), '/api/runs/export.csv?status=failed&sourceId=faculty&lang=fa')).body
      .subarray(3)
      .toString('utf8')
      .trim()
      .split('\n');
    const header = lines[0].split(',');
    expect(header.slice(0, 4)).toEqual(['شناسه', 'منبع', 'وضعیت', 'نوع شروع']);
    expect(header).toEqual(expect.arrayContaining(['زمان ثبت (ISO)', 'زمان ثبت (میلادی)', 'زمان ثبت (شمسی)', 'نوع خطا']));
    const first = Object.fromEntries(header.map((name, index) => [name, lines[1].split(',')[index]]));
    expect(first).toMatchObject({ منبع: 'اعضای هیئت علمی', وضعیت: 'ناموفق', 'نوع خطا': 'خطای سامانهٔ بیرونی' });
    expect(['دستی', 'زمان‌بندی', 'API']).toContain(first['نوع شروع']);
    expect(first['زمان ثبت (شمسی)']).toMatch(/^14\d\d\/\d\d\/\d\d \d\d:\d\d:\d\d$/);
  });

  it('should take the language from Accept-Language when lang is not given, and Persian when neither is', async () => {
    const header = async (acceptLanguage?: string) => {
      const request = t.http().get('/api/runs/export.csv?status=failed');
      const response = await (acceptLanguage ? request.set('Accept-Language', acceptLanguage) : request).expect(200);
      return response.text
        .replace(/^\uFEFF/, '')
        .split('\n')[0]
        .split(',')[2];
    };
    expect(await header('en-GB,en;q=0.9')).toBe('Status');
    expect(await header('de-DE')).toBe('وضعیت');
    expect(await header()).toBe('وضعیت');
  });

  it('should export the same rows as XLSX in an English left-to-right sheet when asked for export.xlsx in English', async () => {
    const response = await getBytes(t.http(), '/api/runs/export.xlsx?trigger=manual&lang=en');
    expect(response.headers['content-type']).toContain('spreadsheetml');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(response.body as unknown as Parameters<typeof workbook.xlsx.load>[0]);
    const sheet = workbook.getWorksheet('Runs')!;
    expect(sheet.rowCount).toBe(1 + 30);
    expect(sheet.getRow(1).getCell(4).value).toBe('Trigger');
    expect(sheet.getRow(2).getCell(4).value).toBe('Manual');
    expect(sheet.views[0].rightToLeft).toBeFalsy();
  });

  it('should export a right-to-left Persian sheet when asked for export.xlsx in Persian', async () => {
    const response = await getBytes(t.http(), '/api/runs/export.xlsx?trigger=manual&lang=fa');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(response.body as unknown as Parameters<typeof workbook.xlsx.load>[0]);
    const sheet = workbook.getWorksheet('اجراها')!;
    expect(sheet.views[0]).toMatchObject({ rightToLeft: true, state: 'frozen', ySplit: 1 });
    expect(sheet.getRow(1).getCell(4).value).toBe('نوع شروع');
    expect(sheet.getRow(2).getCell(4).value).toBe('دستی');
  });

  it.each(['export.csv', 'export.xlsx'])('should answer 400 naming lang when %s is asked in a language the exports do not speak', async (file) => {
    const response = await t.http().get(`/api/runs/${file}?lang=de`).expect(400);
    expect(response.body.fields.lang).toBeDefined();
  });

  it('should serve the whole log as a text file when log.txt is asked', async () => {
    const response = await t.http().get('/api/runs/1/log.txt').expect(200);
    expect(response.headers['content-type']).toBe('text/plain; charset=utf-8');
    expect(response.headers['content-disposition']).toContain('hamgam-run-1.log');
    expect(response.text).toMatch(/^\d{4}-\d\d-\d\dT.* INFO {2}line\n$/);
  });

  it('should find the same runs after the daily job merges the text indexes', async () => {
    const before = await list('q=Service%20Unavail&pageSize=200');
    const withSource = await list('q=503&sourceId=faculty&pageSize=200');
    await t.app.get(RetentionService).optimizeIndexes();
    expect(await list('q=Service%20Unavail&pageSize=200')).toEqual(before);
    expect(await list('q=503&sourceId=faculty&pageSize=200')).toEqual(withSource);
    expect(before.total).toBe(15);
  });

  it('should remove old runs and logs but keep the last runs per source and record it when retention runs', async () => {
    const retention = t.app.get(RetentionService);
    // 360 days on, the runs are 360–449 days old: those past 365 days (ages 366–449) go, but the newest 20 of
    // each source (ages 360–399) stay whatever their age. So runs aged 400–449 go, with their logs.
    // The oldest run gets a message no other run has: the searchable list of messages loses it with the run.
    await t.query(`UPDATE data_syncs SET error_message = 'only on an old run' WHERE id = (SELECT MIN(id) FROM data_syncs)`);
    // The searchable list of distinct messages is SQLite's (PostgreSQL searches the runs' trigram index).
    const messages = async () => (await t.query<{ text: string }>('SELECT text FROM run_messages ORDER BY text')).map((row) => row.text);
    if (t.dialect === 'sqlite') expect(await messages()).toContain('only on an old run');

    const result = await retention.purge(new Date(NOW + 360 * DAY));
    const remaining = await list('pageSize=200');
    expect(result.runs).toBe(90 - 40);
    expect(remaining.total).toBe(40);
    expect(result.logLines).toBe(50);
    if (t.dialect === 'sqlite') expect(await messages()).toEqual(['gateway answered 503 Service Unavailable', 'کد ملی نامعتبر در ردیف ۱۲']);
    const [entry] = ((await t.http().get('/api/audit?action=retention.purged').expect(200)).body as Page<AuditEntry>).items;
    expect(entry).toMatchObject({ actor: 'system', details: { runs: 50, logLines: 50, keepPerSource: 20 } });
  });

  it('should run the daily retention once a day, whichever replica asks first', async () => {
    const retention = t.app.get(RetentionService);
    const audited = async () => ((await t.http().get('/api/audit?action=retention.purged').expect(200)).body as Page<AuditEntry>).total;
    const before = await audited();
    const day = new Date(NOW + 400 * DAY);

    expect(await retention.runDaily(day)).toBe(true);
    // Another replica's cron (the same claim row) an hour later, the same day in the university's zone: skipped.
    expect(await retention.runDaily(new Date(day.getTime() + 3600_000))).toBe(false);
    expect(await retention.runDaily(new Date(day.getTime() + DAY))).toBe(true);
    expect(await audited()).toBe(before + 2);
  });
});
