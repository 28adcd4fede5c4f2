import { screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Source } from '@hamgam/shared';
import { stubApi } from '../../../testing/fetch-stub';
import { makeAutoSync, makeLegacySource, makeRun, makeSource } from '../../../testing/fixtures';
import { renderApp } from '../../../testing/render';

// 30 minutes after the faculty source's last success (10:32:05 Tehran).
const NOW = new Date('2026-11-23T11:02:05+03:30');

function sources(): Source[] {
  return [
    makeSource({
      health: { state: 'failing', since: '2026-11-23T10:50:00+03:30', lastSuccessAt: '2026-11-23T10:32:05+03:30', reason: 'last_run_failed' },
      lastRun: makeRun({ id: '14', status: 'failed', durationMs: 65_000, errorKind: 'network', errorMessage: 'connect ECONNREFUSED' }),
      autoSync: makeAutoSync({ enabled: true, every: 6, unit: 'hours', nextRunAt: '2026-11-23T12:02:05+03:30' }),
    }),
    makeLegacySource({
      hasRecords: false,
      recordTables: [],
      health: { state: 'late', since: '2026-11-22T10:00:00+03:30', lastSuccessAt: '2026-11-21T10:00:00+03:30', reason: 'max_age_exceeded' },
    }),
  ];
}

function stubDashboard() {
  return stubApi({
    'GET /api/sources': () => sources(),
    // The faculty failing and the legacy script late: two open incidents.
    'GET /api/notifications/incidents/summary': () => ({ open: 2 }),
    'GET /api/sources/faculty/stats': () => ({ tables: [{ table: 'members', live: 1200, deleted: 3, upstream: null }], pendingPush: 0, openConflicts: 0 }),
    'GET /api/runs': ({ query }) => ({
      items:
        query.get('sourceId') === 'faculty'
          ? [makeRun({ id: '14', status: 'failed', durationMs: 65_000 }), makeRun({ id: '13', durationMs: 125_000 }), makeRun({ id: '12', durationMs: 95_000 })]
          : [],
      total: 3,
      page: 1,
      pageSize: 10,
    }),
  });
}

const row = (name: string) => screen.getByRole('row', { name: new RegExp(`^${name}`) });

describe('the dashboard table of every source', () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(NOW);
  });

  afterEach(() => {
    vi.useRealTimers();
  });

  it('should show each source with its state, last success, last run, next run, records and durations in Persian', async () => {
    const api = stubDashboard();
    await renderApp();

    const table = await screen.findByRole('table', { name: 'همهٔ منابع در یک نگاه' });
    expect(within(table).getAllByRole('row')).toHaveLength(3);
    const faculty = row('اعضای هیئت علمی');
    expect(within(faculty).getByText('دچار خطا')).toHaveAttribute('title', 'آخرین اجرا ناموفق بود.');
    expect(within(faculty).getByText('۱۴۰۵/۰۹/۰۲ ۱۰:۳۲')).toHaveAttribute('datetime', '2026-11-23T10:32:05+03:30');
    expect(within(faculty).getByText('۳۰ دقیقه پیش')).toBeInTheDocument();
    expect(within(faculty).getByText('ناموفق')).toBeInTheDocument();
    expect(within(faculty).getByText('۱ دقیقه و ۵ ثانیه')).toBeInTheDocument();
    expect(within(faculty).getByText('۱ ساعت بعد')).toBeInTheDocument();
    expect(await within(faculty).findByText('۱٬۲۰۰')).toBeInTheDocument();
    expect(await within(faculty).findByRole('img', { name: /مدت ۳ اجرای اخیر/ })).toBeInTheDocument();
    expect(within(faculty).getByRole('link', { name: 'اعضای هیئت علمی' })).toHaveAttribute('href', '#source-faculty');

    const legacy = row('اسکریپت قدیمی اعضای هیئت علمی');
    expect(within(legacy).getByText('عقب‌افتاده')).toBeInTheDocument();
    expect(within(legacy).getByText('پریروز')).toBeInTheDocument();
    expect(within(legacy).getByText('زمان‌بندی نشده')).toBeInTheDocument();
    // A source without record tables is not asked for counts.
    expect(api.callsTo('GET /api/sources/legacy-faculty/stats')).toHaveLength(0);
  });

  it('should count the open incidents in the header, linking to them on the Alerts page', async () => {
    stubDashboard();
    await renderApp();

    expect(await screen.findByRole('link', { name: '۲ رخداد باز' })).toHaveAttribute('href', '/alerts#incidents');
  });

  it('should show the states and the count in English, and no count when no incident is open', async () => {
    stubDashboard();
    const { unmount } = await renderApp({ lng: 'en' });

    await screen.findByRole('table', { name: 'All sources at a glance' });
    expect(within(row('Faculty members')).getByText('Failing')).toBeInTheDocument();
    expect(within(row('Faculty members')).getByText('30 minutes ago')).toBeInTheDocument();
    expect(within(row('Faculty members')).getByText('in 1 hour')).toBeInTheDocument();
    expect(await screen.findByRole('link', { name: '2 open incidents' })).toBeInTheDocument();
    unmount();

    stubApi({ 'GET /api/sources': () => [makeSource()], 'GET /api/notifications/incidents/summary': () => ({ open: 0 }) });
    const { queryClient } = await renderApp({ lng: 'en' });
    expect(within(await screen.findByRole('table', { name: 'All sources at a glance' })).getByText('Fresh')).toBeInTheDocument();
    await waitFor(() => expect(queryClient.getQueryData(['alerts', 'summary'])).toEqual({ open: 0 }));
    expect(screen.queryByRole('link', { name: /open incident/ })).not.toBeInTheDocument();
  });

  it('should name a command source by its configured name where no locale file names it, in both languages', async () => {
    const library = makeLegacySource({
      id: 'library-loans',
      command: { name: 'Library loans', executable: 'node', args: ['loans.mjs'], cwd: '/opt/library', countPattern: 'loans: (\\d+)', envNames: [] },
    });
    stubApi({ 'GET /api/sources': () => [makeSource(), makeLegacySource(), library] });
    const { unmount } = await renderApp();

    const table = await screen.findByRole('table', { name: 'همهٔ منابع در یک نگاه' });
    expect(within(table).getByRole('link', { name: 'Library loans' })).toHaveAttribute('href', '#source-library-loans');
    // A source with its own locale file keeps its translated name, not the configured one.
    expect(within(table).getByRole('link', { name: 'اسکریپت قدیمی اعضای هیئت علمی' })).toBeInTheDocument();
    expect(within(table).queryByRole('link', { name: 'library-loans' })).not.toBeInTheDocument();
    unmount();

    await renderApp({ lng: 'en' });
    expect(within(await screen.findByRole('table', { name: 'All sources at a glance' })).getByRole('link', { name: 'Library loans' })).toBeInTheDocument();
  });
});
