import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { stubApi } from '../../../../testing/fetch-stub';
import { makeRun, makeSource } from '../../../../testing/fixtures';
import { renderApp } from '../../../../testing/render';

const NO_REJECTIONS = { items: [], total: 0, page: 1, pageSize: 20 };

describe('history page', () => {
  it('should ask the server with the URL filters and list the runs when opened from a link', async () => {
    const api = stubApi({
      'GET /api/sources': () => [makeSource()],
      'GET /api/runs': (request) =>
        request.query.get('sourceId') === 'faculty' && request.query.get('pageSize') === '30'
          ? { items: [], total: 0, page: 1, pageSize: 30 }
          : { items: [makeRun({ id: '21', status: 'failed', errorKind: 'upstream', errorMessage: 'gateway answered 503' })], total: 1, page: 1, pageSize: 25 },
    });
    await renderApp({ route: '/history?status=failed&from=2026-11-23&to=2026-11-23&q=503', lng: 'en' });

    const table = await screen.findByRole('table', { name: 'Runs' });
    expect(within(table).getByRole('link', { name: 'Run 21' })).toHaveAttribute('href', '/runs/21');
    expect(within(table).getByText('gateway answered 503')).toBeInTheDocument();
    const listCall = api.callsTo('GET /api/runs').find((request) => request.query.get('pageSize') === '25')!;
    expect(Object.fromEntries(listCall.query)).toMatchObject({
      status: 'failed',
      q: '503',
      from: '2026-11-22T20:30:00.000Z',
      to: '2026-11-23T20:30:00.000Z',
      page: '1',
    });
    expect(screen.getByRole('link', { name: 'Export CSV' }).getAttribute('href')).toMatch(/^\/api\/runs\/export\.csv\?status=failed&.*lang=en$/);
    expect(screen.getByRole('link', { name: 'Export Excel' }).getAttribute('href')).toMatch(/^\/api\/runs\/export\.xlsx\?status=failed&.*lang=en$/);
  });

  it('should ask for the exports in Persian when the UI is in Persian', async () => {
    stubApi({ 'GET /api/sources': () => [], 'GET /api/runs': () => ({ items: [], total: 0, page: 1, pageSize: 25 }) });
    await renderApp({ route: '/history?trigger=manual', lng: 'fa' });

    expect(await screen.findByRole('link', { name: 'خروجی CSV' })).toHaveAttribute('href', '/api/runs/export.csv?trigger=manual&lang=fa');
    expect(screen.getByRole('link', { name: 'خروجی اکسل' })).toHaveAttribute('href', '/api/runs/export.xlsx?trigger=manual&lang=fa');
  });

  it('should put the status in the URL when a status is chosen', async () => {
    stubApi({ 'GET /api/sources': () => [], 'GET /api/runs': () => ({ items: [], total: 0, page: 1, pageSize: 25 }) });
    const { user, router } = await renderApp({ route: '/history?page=3', lng: 'en' });

    await user.selectOptions(await screen.findByLabelText('Status'), 'cancelled');

    expect(router.state.location.search).toBe('?status=cancelled');
    expect(await screen.findByText('No run matches these filters.')).toBeInTheDocument();
  });

  it('should return from a run to the history with its filters when the back link is followed', async () => {
    const run = makeRun({ id: '21', status: 'failed', errorKind: 'upstream', errorMessage: 'gateway answered 503' });
    stubApi({
      'GET /api/sources': () => [makeSource()],
      'GET /api/runs': () => ({ items: [run], total: 1, page: 1, pageSize: 25 }),
      'GET /api/runs/21': () => run,
      'GET /api/runs/21/rejections': () => NO_REJECTIONS,
      'GET /api/runs/21/log': () => ({ runId: '21', truncated: false, lines: [] }),
    });
    const { user, router } = await renderApp({ route: '/history?status=failed&q=503', lng: 'en' });

    await user.click(await screen.findByRole('link', { name: 'Run 21' }));
    const back = await screen.findByRole('link', { name: 'Back to the run history' });
    expect(back).toHaveAttribute('href', '/history?status=failed&q=503');
    await user.click(back);

    expect(router.state.location.search).toBe('?status=failed&q=503');
    expect(await screen.findByRole('link', { name: 'Run 21' })).toBeInTheDocument();
  });

  it('should fill the date filter with the last 7 days when the preset is chosen', async () => {
    stubApi({ 'GET /api/sources': () => [], 'GET /api/runs': () => ({ items: [], total: 0, page: 1, pageSize: 25 }) });
    const { user, router } = await renderApp({ route: '/history', lng: 'en' });

    await user.click(await screen.findByRole('button', { name: 'Last 7 days' }));

    const params = new URLSearchParams(router.state.location.search);
    const days = (Date.parse(params.get('to')!) - Date.parse(params.get('from')!)) / 86_400_000;
    expect(days).toBe(6);
    expect(screen.getByRole('button', { name: 'Last 7 days' })).toHaveAttribute('aria-pressed', 'true');
  });
});
