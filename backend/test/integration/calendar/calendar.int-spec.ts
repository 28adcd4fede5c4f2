import type { AcademicCalendar, ApiErrorBody, AuditEntry, Page } from '@hamgam/shared';
import { gregorianToJalali } from '../../../src/common/jalali';
import { startTestApp, type TestApp } from '../helpers/test-app';

describe('academic calendar API', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp();
  });

  afterAll(async () => {
    await t.close();
  });

  const calendarEntries = async (): Promise<AuditEntry[]> =>
    ((await t.http().get('/api/audit?action=calendar.changed&pageSize=50').expect(200)).body as Page<AuditEntry>).items;

  it('should answer the fixed-date holidays of the current Jalali year, unsaved, when no calendar was ever saved', async () => {
    const auditor = await t.as('auditor');
    const calendar = (await auditor().get('/api/calendar').expect(200)).body as AcademicCalendar;
    // Tehran is at most 3.5 hours ahead of UTC: the Jalali year of "now" there is that of UTC now + 3.5 h.
    const tehran = new Date(Date.now() + 3.5 * 3_600_000);
    const year = gregorianToJalali(tehran.getUTCFullYear(), tehran.getUTCMonth() + 1, tehran.getUTCDate()).year;
    expect(calendar).toMatchObject({ isSaved: false, prefilledYear: year, terms: [], updatedAt: null });
    expect(calendar.closures.map((closure) => closure.start)).toEqual([`${year}-01-01`, `${year}-01-12`, `${year}-03-14`, `${year}-11-22`, `${year}-12-29`]);
  });

  it('should refuse an auditor’s save with 403 and store nothing', async () => {
    const auditor = await t.as('auditor');
    await auditor().put('/api/calendar').send({ terms: [], closures: [] }).expect(403);
    expect(((await t.http().get('/api/calendar').expect(200)).body as AcademicCalendar).isSaved).toBe(false);
  });

  it('should answer 400 naming the field and its code when a date is not a real Jalali day or a term overlaps', async () => {
    const response = await t
      .http()
      .put('/api/calendar')
      .send({
        terms: [
          { name: 'نیمسال اول', start: '1405-07-01', end: '1405-10-30' },
          { name: 'نیمسال دوم', start: '1405-10-15', end: '1406-03-31' },
        ],
        closures: [{ name: 'آخر سال', start: '1404-12-30', end: '1404-12-30' }],
      })
      .expect(400);
    const body = response.body as ApiErrorBody;
    expect(body.fields).toEqual({
      'terms[1].start': ['terms_overlap'],
      'closures[0].start': ['date_invalid'],
      'closures[0].end': ['date_invalid'],
    });
    expect(body.message).toContain('terms[1].start: overlaps another term');
    expect(await calendarEntries()).toHaveLength(0);
  });

  it('should store the calendar, answer it saved and audit what was added when an admin saves', async () => {
    const sent = {
      terms: [{ name: 'نیمسال اول', start: '1405-07-01', end: '1405-10-30' }],
      closures: [
        { name: 'تاسوعا و عاشورا', start: '1405-04-04', end: '1405-04-05' },
        { name: 'نوروز', start: '1405-01-01', end: '1405-01-04' },
      ],
    };
    const saved = (await t.http().put('/api/calendar').send(sent).expect(200)).body as AcademicCalendar;
    expect(saved).toMatchObject({ isSaved: true, prefilledYear: null, updatedBy: 'admin', terms: sent.terms });
    expect(saved.closures.map((closure) => closure.name)).toEqual(['نوروز', 'تاسوعا و عاشورا']);
    expect(((await (await t.as('auditor'))().get('/api/calendar').expect(200)).body as AcademicCalendar).closures).toEqual(saved.closures);

    const [entry] = await calendarEntries();
    expect(entry).toMatchObject({ action: 'calendar.changed', actor: 'admin', target: 'calendar' });
    expect(entry.details).toEqual({ changes: { terms: { added: sent.terms, removed: [] }, closures: { added: saved.closures, removed: [] } } });
  });

  it('should audit the closure removed and the one added, and nothing for a save that changes nothing', async () => {
    const before = (await t.http().get('/api/calendar').expect(200)).body as AcademicCalendar;
    const closures = [before.closures[0], { name: 'عید فطر', start: '1405-01-01', end: '1405-01-02' }];
    await t.http().put('/api/calendar').send({ terms: before.terms, closures }).expect(200);
    const [entry] = await calendarEntries();
    expect(entry.details).toEqual({
      changes: {
        closures: {
          added: [{ name: 'عید فطر', start: '1405-01-01', end: '1405-01-02' }],
          removed: [{ name: 'تاسوعا و عاشورا', start: '1405-04-04', end: '1405-04-05' }],
        },
      },
    });

    const count = (await calendarEntries()).length;
    await t.http().put('/api/calendar').send({ terms: before.terms, closures }).expect(200);
    expect(await calendarEntries()).toHaveLength(count);
    const all = ((await t.http().get('/api/audit?action=request').expect(200)).body as Page<AuditEntry>).items;
    expect(all.filter((row) => row.target === 'PUT /api/calendar')).toHaveLength(0);
  });
});
