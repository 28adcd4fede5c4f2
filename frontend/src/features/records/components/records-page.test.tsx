import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { RecordPage, StoredRecord } from '@hamgam/shared';
import { errorBody, reply, stubApi } from '../../../testing/fetch-stub';
import { renderApp } from '../../../testing/render';

const student = (overrides: Partial<StoredRecord> = {}): StoredRecord => ({
  key: '40511110001',
  name: 'علی کریمی',
  fields: { nationalCode: '0012345679', term: '4051', statusText: 'در حال تحصیل', campusCode: '1110', campusName: 'واحد مرکزی تهران', email: 'ali@uni.ac.ir' },
  deletedAt: null,
  lastRunId: '12',
  updatedAt: '2026-11-23T10:30:00+03:30',
  history: [
    { term: '4043', campusCode: '1110', statusCode: '3', statusText: 'مرخصی تحصیلی' },
    { term: '4051', campusCode: '1110', statusCode: '1', statusText: 'در حال تحصیل' },
  ],
  ...overrides,
});

const page = (items: StoredRecord[], overrides: Partial<RecordPage> = {}): RecordPage => ({
  items,
  total: items.length,
  page: 1,
  pageSize: 20,
  columns: ['nationalCode', 'term', 'statusText', 'campusCode', 'campusName', 'email'],
  ...overrides,
});

describe('records page', () => {
  it('should list the stored students with Persian digits, their state and term history when the language is fa', async () => {
    const deleted = student({ key: '40111110002', name: 'زهرا رضایی', deletedAt: '2026-11-24T09:00:00+03:30', history: [] });
    stubApi({ 'GET /api/sources/students/records': () => page([student(), deleted]) });
    const { user } = await renderApp({ route: '/sources/students/records' });

    expect(await screen.findByRole('heading', { level: 1, name: 'داده‌های «دانشجویان»' })).toBeInTheDocument();
    const table = await screen.findByRole('table', { name: 'رکوردهای «دانشجویان»' });
    expect(within(table).getByRole('columnheader', { name: 'شماره دانشجویی' })).toBeInTheDocument();
    const [, first, second] = within(table).getAllByRole('row').filter((row) => row.closest('table') === table);
    expect(within(first).getByRole('rowheader', { name: '۴۰۵۱۱۱۱۰۰۰۱' })).toBeInTheDocument();
    expect(within(first).getByText('۰۰۱۲۳۴۵۶۷۹')).toBeInTheDocument();
    expect(within(first).getByText('فعال')).toBeInTheDocument();
    expect(within(first).getByRole('link', { name: 'اجرای ۱۲' })).toHaveAttribute('href', '/runs/12');
    expect(within(second).getByText('حذف‌شده')).toBeInTheDocument();
    expect(within(second).getByText('از ۱۴۰۵/۰۹/۰۳ ۰۹:۰۰')).toBeInTheDocument();

    await user.click(within(first).getByText('سابقهٔ نیمسال‌ها (۲)'));
    const history = within(first).getByRole('table', { name: 'سابقهٔ تحصیلی علی کریمی' });
    expect(within(history).getByRole('rowheader', { name: 'تابستان ۱۴۰۴ (۴۰۴۳)' })).toBeVisible();
    expect(within(history).getByText('مرخصی تحصیلی')).toBeInTheDocument();
    expect(screen.getByText('۲ رکورد')).toBeInTheDocument();
  });

  it('should send the typed text, put it in the URL and say nothing matched when a search finds no record', async () => {
    const api = stubApi({
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
      'GET /api/sources/students/records': (request) => page([student({ key: `k${request.query.get('page') ?? '1'}` })], { total: 45, page: Number(request.query.get('page') ?? 1) }),
    });
    const { user } = await renderApp({ route: '/sources/students/records', lng: 'en' });
    await screen.findByText('Page 1 of 3');

    await user.click(screen.getByRole('button', { name: 'Next page' }));

    expect(await screen.findByText('Page 2 of 3')).toBeInTheDocument();
    expect(api.callsTo('GET /api/sources/students/records').at(-1)!.query.get('page')).toBe('2');
    expect(screen.getByRole('columnheader', { name: 'Student number' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Previous page' })).toBeEnabled();
  });

  it('should say the source keeps no records when the server answers 404', async () => {
    stubApi({ 'GET /api/sources/legacy-faculty/records': () => reply(404, errorBody(404, 'no records')) });
    await renderApp({ route: '/sources/legacy-faculty/records' });

    expect(await screen.findByRole('alert')).toHaveTextContent('این منبع داده‌ای برای مرور ندارد.');
  });
});
