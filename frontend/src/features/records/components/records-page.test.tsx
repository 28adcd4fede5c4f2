import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { RecordPage, StoredRecord } from '@hamgam/shared';
import { errorBody, reply, stubApi } from '../../../testing/fetch-stub';
import { makeSource, makeUser } from '../../../testing/fixtures';
import { renderApp } from '../../../testing/render';

const STUDENT_TABLES = [{ id: 'students', columns: ['nationalCode', 'term', 'statusText', 'campusName', 'courseName', 'gradeName', 'mobile'] }];
const MOODLE_TABLES = [
  { id: 'courses', columns: ['shortName', 'category', 'term', 'classification', 'activities', 'enrolledUsers'] },
  { id: 'users', columns: ['username', 'idnumber', 'email', 'match', 'matchedKey', 'courses', 'roles'] },
  { id: 'categories', columns: ['idnumber', 'parent', 'depth', 'visible', 'courses'] },
];
const studentsSource = () => makeSource({ id: 'students', recordTables: STUDENT_TABLES });
const moodleSource = () => makeSource({ id: 'moodle', recordTables: MOODLE_TABLES });

const student = (overrides: Partial<StoredRecord> = {}): StoredRecord => ({
  key: '40511110001',
  name: 'علی کریمی',
  fields: { nationalCode: '0012345679', term: '4051', statusText: 'در حال تحصیل', campusCode: '1110', campusName: 'واحد مرکزی تهران', email: 'ali@uni.ac.ir' },
  deletedAt: null,
  lastRunId: '12',
  updatedAt: '2026-11-23T10:30:00+03:30',
  history: [
    { term: '4043', campusCode: '1210', campusName: null, statusCode: '3', statusText: 'مرخصی تحصیلی' },
    { term: '4051', campusCode: '1110', campusName: 'واحد مرکزی تهران', statusCode: '1', statusText: 'در حال تحصیل' },
  ],
  ...overrides,
});

const page = (items: StoredRecord[], overrides: Partial<RecordPage> = {}): RecordPage => ({
  items,
  total: items.length,
  page: 1,
  pageSize: 20,
  table: 'students',
  columns: ['nationalCode', 'term', 'statusText', 'campusCode', 'campusName', 'email'],
  ...overrides,
});

describe('records page', () => {
  it('should list the stored students with Persian digits, their state and term history when the language is fa', async () => {
    const deleted = student({ key: '40111110002', name: 'زهرا رضایی', deletedAt: '2026-11-24T09:00:00+03:30', history: [] });
    stubApi({ 'GET /api/sources/students': studentsSource, 'GET /api/sources/students/records': () => page([student(), deleted]) });
    const { user } = await renderApp({ route: '/sources/students/records' });

    expect(await screen.findByRole('heading', { level: 1, name: 'داده‌های «دانشجویان»' })).toBeInTheDocument();
    const table = await screen.findByRole('table', { name: 'رکوردهای «دانشجویان»' });
    expect(within(table).getByRole('columnheader', { name: 'شماره دانشجویی' })).toBeInTheDocument();
    const [, first, second] = within(table)
      .getAllByRole('row')
      .filter((row) => row.closest('table') === table);
    expect(within(first).getByRole('rowheader', { name: '۴۰۵۱۱۱۱۰۰۰۱' })).toBeInTheDocument();
    expect(within(first).getByText('۰۰۱۲۳۴۵۶۷۹')).toBeInTheDocument();
    expect(within(first).getByText('فعال')).toBeInTheDocument();
    expect(within(first).getByRole('cell', { name: 'نیمسال اول ۱۴۰۵ (۴۰۵۱)' })).toBeInTheDocument();
    expect(within(first).getByRole('link', { name: 'اجرای ۱۲' })).toHaveAttribute('href', '/runs/12');
    expect(within(second).getByText('حذف‌شده')).toBeInTheDocument();
    expect(within(second).getByText('از ۱۴۰۵/۰۹/۰۳ ۰۹:۰۰')).toBeInTheDocument();

    await user.click(within(first).getByText('سابقهٔ نیمسال‌ها (۲)'));
    const history = within(first).getByRole('table', { name: 'سابقهٔ تحصیلی علی کریمی' });
    expect(within(history).getByRole('rowheader', { name: 'تابستان ۱۴۰۴ (۴۰۴۳)' })).toBeVisible();
    expect(within(history).getByText('مرخصی تحصیلی')).toBeInTheDocument();
    expect(within(history).getByRole('cell', { name: 'واحد مرکزی تهران (۱۱۱۰)' })).toBeInTheDocument();
    expect(within(history).getByRole('cell', { name: '۱۲۱۰' })).toBeInTheDocument();
    expect(screen.getByText('۲ رکورد')).toBeInTheDocument();
  });

  it('should send the typed text, put it in the URL and say nothing matched when a search finds no record', async () => {
    const api = stubApi({
      'GET /api/sources/students': studentsSource,
      'GET /api/sources/students/records': (request) => (request.query.get('q') ? page([]) : page([student()])),
    });
    const { user, router } = await renderApp({ route: '/sources/students/records' });
    await screen.findByRole('table', { name: 'رکوردهای «دانشجویان»' });

    await user.type(screen.getByRole('searchbox', { name: 'جستجو' }), 'علي كريمي');
    await user.click(screen.getByRole('button', { name: 'جستجو' }));

    expect(await screen.findByText('رکوردی با «علي كريمي» پیدا نشد.')).toBeInTheDocument();
    expect(api.callsTo('GET /api/sources/students/records').at(-1)!.query.get('q')).toBe('علي كريمي');
    expect(new URLSearchParams(router.state.location.search).get('q')).toBe('علي كريمي');
    await user.click(screen.getByRole('button', { name: 'پاک کردن جستجو' }));
    expect(await screen.findByRole('table', { name: 'رکوردهای «دانشجویان»' })).toBeInTheDocument();
  });

  it('should ask for the next page when Next is clicked and there are more records', async () => {
    const api = stubApi({
      'GET /api/sources/students': studentsSource,
      'GET /api/sources/students/records': (request) =>
        page([student({ key: `k${request.query.get('page') ?? '1'}` })], { total: 45, page: Number(request.query.get('page') ?? 1) }),
    });
    const { user } = await renderApp({ route: '/sources/students/records', lng: 'en' });
    await screen.findByText('Page 1 of 3 (45 in all)');

    await user.click(screen.getByRole('button', { name: 'Next' }));

    expect(await screen.findByText('Page 2 of 3 (45 in all)')).toBeInTheDocument();
    expect(api.callsTo('GET /api/sources/students/records').at(-1)!.query.get('page')).toBe('2');
    expect(screen.getByRole('columnheader', { name: 'Student number' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Previous' })).toBeEnabled();
  });

  it('should say the source keeps no records when it declares no record table', async () => {
    stubApi({ 'GET /api/sources/legacy-faculty': () => makeSource({ id: 'legacy-faculty', recordTables: [] }) });
    await renderApp({ route: '/sources/legacy-faculty/records' });

    expect(await screen.findByRole('alert')).toHaveTextContent('این منبع داده‌ای برای مرور ندارد.');
  });

  it('should say the source keeps no records when the server answers 404', async () => {
    stubApi({ 'GET /api/sources/nope': () => reply(404, errorBody(404, 'no source')) });
    await renderApp({ route: '/sources/nope/records' });

    expect(await screen.findByRole('alert')).toHaveTextContent('این منبع داده‌ای برای مرور ندارد.');
  });

  it('should show no tabs when the source has a single record table', async () => {
    stubApi({ 'GET /api/sources/students': studentsSource, 'GET /api/sources/students/records': () => page([student()]) });
    await renderApp({ route: '/sources/students/records' });

    await screen.findByRole('table', { name: 'رکوردهای «دانشجویان»' });
    expect(screen.queryByRole('tablist')).not.toBeInTheDocument();
  });

  describe('a source with several record tables', () => {
    const course = (overrides: Partial<StoredRecord> = {}): StoredRecord => ({
      key: '11',
      name: 'ریاضی عمومی ۱',
      fields: { shortName: 'MATH101', category: 'دانشکدهٔ علوم', term: '4051', classification: 'active', activities: '12', enrolledUsers: '40' },
      deletedAt: null,
      lastRunId: '3',
      updatedAt: '2026-11-23T10:30:00+03:30',
      history: null,
      ...overrides,
    });
    const user = (): StoredRecord => ({ ...course(), key: '501', name: 'Sara Ahmadi', fields: { username: 'sara', match: 'none', courses: '2' } });
    const stub = () =>
      stubApi({
        'GET /api/sources/moodle': moodleSource,
        'GET /api/sources/moodle/records': (request) => {
          const table = request.query.get('table') ?? 'courses';
          const columns = MOODLE_TABLES.find((candidate) => candidate.id === table)!.columns;
          const items =
            table === 'users'
              ? [user()]
              : table === 'courses' && !request.query.get('q')
                ? [course(), course({ key: '12', name: 'فیزیک', fields: { shortName: 'PHY1' } })]
                : [course()];
          return page(items, { table, columns });
        },
      });

    it('should show one tab per table, the first selected with its columns and coded values in words, when the page opens in fa', async () => {
      const api = stub();
      await renderApp({ route: '/sources/moodle/records' });

      const tablist = await screen.findByRole('tablist', { name: 'جدول‌های «مودل»' });
      expect(
        within(tablist)
          .getAllByRole('tab')
          .map((tab) => tab.textContent),
      ).toEqual(['درس‌ها', 'کاربران', 'دسته‌ها']);
      expect(within(tablist).getByRole('tab', { name: 'درس‌ها' })).toHaveAttribute('aria-selected', 'true');
      const table = await screen.findByRole('table', { name: 'رکوردهای «مودل»' });
      expect(within(table).getByRole('columnheader', { name: 'شناسهٔ درس' })).toBeInTheDocument();
      expect(within(table).getByRole('columnheader', { name: 'کاربران ثبت‌نام‌شده' })).toBeInTheDocument();
      expect(within(table).getByText('پرفعالیت')).toBeInTheDocument();
      expect(screen.getByRole('searchbox', { name: 'جستجو' })).toHaveAttribute('placeholder', 'نام کوتاه یا نام کامل درس');
      expect(api.callsTo('GET /api/sources/moodle/records').at(-1)!.query.get('table')).toBeNull();
    });

    it('should fetch the chosen table and put it in the URL when another tab is chosen with the keyboard', async () => {
      const api = stub();
      const { user: actor, router } = await renderApp({ route: '/sources/moodle/records', lng: 'en' });
      await screen.findByRole('table', { name: 'Records of “Moodle”' });

      screen.getByRole('tab', { name: 'Courses' }).focus();
      await actor.keyboard('{ArrowRight}');

      expect(await screen.findByRole('columnheader', { name: 'Moodle user id' })).toBeInTheDocument();
      expect(screen.getByRole('tab', { name: 'Users' })).toHaveAttribute('aria-selected', 'true');
      expect(screen.getByRole('tab', { name: 'Users' })).toHaveFocus();
      expect(api.callsTo('GET /api/sources/moodle/records').at(-1)!.query.get('table')).toBe('users');
      expect(new URLSearchParams(router.state.location.search).get('table')).toBe('users');
    });

    it('should search the selected table only and keep the table when a search is sent', async () => {
      const api = stub();
      const { user: actor, router } = await renderApp({ route: '/sources/moodle/records?table=categories', lng: 'en' });
      expect(await screen.findByRole('tab', { name: 'Categories' })).toHaveAttribute('aria-selected', 'true');

      await actor.type(screen.getByRole('searchbox', { name: 'Search' }), 'ENG');
      await actor.click(screen.getByRole('button', { name: 'Search' }));

      await screen.findByRole('button', { name: 'Clear the search' });
      const last = api.callsTo('GET /api/sources/moodle/records').at(-1)!.query;
      expect([last.get('table'), last.get('q')]).toEqual(['categories', 'ENG']);
      expect(Object.fromEntries(new URLSearchParams(router.state.location.search))).toEqual({ table: 'categories', q: 'ENG' });

      await actor.click(screen.getByRole('tab', { name: 'Courses' }));
      expect(await screen.findByText('2 records')).toBeInTheDocument();
      expect(screen.getByRole('searchbox', { name: 'Search' })).toHaveValue('');
      expect(api.callsTo('GET /api/sources/moodle/records').at(-1)!.query.get('q')).toBeNull();
    });
  });

  it.each([
    ['fa', '۱۴۰۵/۰۹/۱۴ ۲۳:۳۵', '۴۰۵۱۱۱۱۰۰۰۱'],
    ['en', '2026-12-05 23:35', '40511110001'],
  ] as const)('should show a CRM contact time in the reader calendar, not as stored, when the language is %s', async (lng, time, number) => {
    const contact: StoredRecord = {
      key: 'c-1',
      name: 'مریم احمدی',
      fields: { studentNumber: '40511110001', serverUpdatedAt: '2026-12-05T20:05:00.000Z' },
      deletedAt: null,
      lastRunId: '3',
      updatedAt: '2026-12-05T20:06:00Z',
      history: null,
    };
    stubApi({
      'GET /api/sources/crm': () => makeSource({ id: 'crm', recordTables: [{ id: 'contacts', columns: ['studentNumber', 'serverUpdatedAt'] }] }),
      'GET /api/sources/crm/records': () => page([contact], { table: 'contacts', columns: ['studentNumber', 'serverUpdatedAt'] }),
      'GET /api/sources/crm/outbox': () => [],
    });
    await renderApp({ route: '/sources/crm/records', lng, session: makeUser({ role: 'auditor' }) });

    const row = (await screen.findByRole('rowheader', { name: 'c-1' })).closest('tr')!;
    expect(within(row).getByText(time)).toHaveAttribute('datetime', '2026-12-05T20:05:00.000Z');
    expect(within(row).queryByText(/2026-12-05T/)).not.toBeInTheDocument();
    expect(within(row).getByText(number)).toBeInTheDocument();
  });
});
