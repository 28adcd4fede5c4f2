import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { errorBody, reply, stubApi } from '../../testing/fetch-stub';
import { makeActiveRun, makeCounts, makeRun } from '../../testing/fixtures';
import { renderApp } from '../../testing/render';

const failedRun = makeRun({
  id: '21',
  status: 'failed',
  trigger: 'schedule',
  triggeredBy: 'scheduler',
  errorKind: 'upstream',
  errorMessage: 'gateway answered 503',
  counts: makeCounts({ fetched: 50, rejected: 2 }),
});

describe('run details route', () => {
  it('should show every field, the rejections and the log when a finished run is opened', async () => {
    stubApi({
      'GET /api/runs/21': () => failedRun,
      'GET /api/runs/21/rejections': () => [
        { key: '0012345678', reason: 'invalid national code' },
        { key: '0099999999', reason: 'missing last name' },
      ],
      'GET /api/runs/21/log': () => ({
        runId: '21',
        truncated: false,
        lines: [{ seq: 1, at: '2026-11-23T10:30:01+03:30', level: 'error', message: 'POST /API/Golestan/Faculty → 503' }],
      }),
    });
    await renderApp({ route: '/runs/21', lng: 'en' });

    expect(await screen.findByRole('heading', { level: 1, name: 'Run 21' })).toBeInTheDocument();
    expect(await screen.findByText('Source system error')).toBeInTheDocument();
    expect(screen.getByText('gateway answered 503')).toBeInTheDocument();
    expect(screen.getByText('Schedule')).toBeInTheDocument();
    expect(screen.getByText('2026-11-23 10:30:00')).toBeInTheDocument();
    const rejections = screen.getByRole('region', { name: 'Rejected records' });
    expect(await within(rejections).findByText('2 records rejected')).toBeInTheDocument();
    expect(within(rejections).getByText('invalid national code')).toBeInTheDocument();
    const log = screen.getByRole('region', { name: 'Run log' });
    expect(await within(log).findByText('POST /API/Golestan/Faculty → 503')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Cancel run' })).not.toBeInTheDocument();
  });

  it('should show a progressbar and a Cancel button when the run is active', async () => {
    stubApi({
      'GET /api/runs/13': () => makeActiveRun(),
      'GET /api/runs/13/rejections': () => [],
      'GET /api/runs/13/log': () => ({ runId: '13', truncated: false, lines: [] }),
    });
    await renderApp({ route: '/runs/13' });

    expect(await screen.findByRole('heading', { level: 1, name: 'اجرای ۱۳' })).toBeInTheDocument();
    expect(await screen.findByRole('progressbar')).toHaveAttribute('aria-valuenow', '42');
    expect(screen.getByRole('button', { name: 'لغو اجرا' })).toBeInTheDocument();
    expect(await screen.findByText('رکوردی رد نشده است.')).toBeInTheDocument();
  });

  it('should say the run was not found when the server answers 404', async () => {
    stubApi({ 'GET /api/runs/999': () => reply(404, errorBody(404, 'run 999 not found')) });
    await renderApp({ route: '/runs/999', lng: 'en' });

    expect(await screen.findByText('This run was not found.')).toBeInTheDocument();
  });
});
