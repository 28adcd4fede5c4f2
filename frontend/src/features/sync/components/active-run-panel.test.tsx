import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { errorBody, reply, stubApi } from '../../../testing/fetch-stub';
import { makeActiveRun, makeSource } from '../../../testing/fixtures';
import { renderApp } from '../../../testing/render';

describe('active run panel', () => {
  it('should show a progressbar, the translated stage and message and a Cancel button when a run is active', async () => {
    stubApi({ 'GET /api/sources': () => [makeSource({ activeRun: makeActiveRun() })] });
    await renderApp();

    const card = await screen.findByRole('article', { name: 'اعضای هیئت علمی' });
    const progress = within(card).getByRole('progressbar', { name: 'پیشرفت همگام‌سازی «اعضای هیئت علمی»' });
    expect(progress).toHaveAttribute('aria-valuenow', '42');
    expect(progress).toHaveAttribute('aria-valuetext', '۴۲٪');
    expect(within(card).getByText('دریافت داده‌ها')).toBeInTheDocument();
    expect(within(card).getByText('صفحهٔ ۳')).toBeInTheDocument();
    expect(within(card).getByText('۳۰۰')).toBeInTheDocument();
    expect(within(card).getByRole('button', { name: 'لغو اجرا' })).toBeInTheDocument();
    expect(within(card).getByRole('button', { name: 'همگام‌سازی' })).toBeDisabled();
  });

  it('should show an indeterminate bar and the raw stage when the percent is unknown and the stage is new', async () => {
    const run = makeActiveRun({ percent: null, stage: 'fetching_grades', messageKey: 'grades.unknown', messageParams: null });
    stubApi({ 'GET /api/sources': () => [makeSource({ activeRun: run })] });
    await renderApp({ lng: 'en' });

    const progress = await screen.findByRole('progressbar');
    expect(progress).not.toHaveAttribute('aria-valuenow');
    expect(progress).toHaveAttribute('aria-valuetext', 'fetching_grades');
    expect(screen.getByText('fetching_grades', { selector: 'strong' })).toBeInTheDocument();
    expect(screen.queryByText(/grades\.unknown/)).not.toBeInTheDocument();
  });

  it('should confirm, say cancelling… while the run stops, then say it was cancelled', async () => {
    const run = makeActiveRun();
    const api = stubApi({
      'GET /api/sources': () => [makeSource({ activeRun: run })],
      'POST /api/runs/13/cancel': () => reply(202, run),
    });
    const { user } = await renderApp({ lng: 'en' });

    await user.click(await screen.findByRole('button', { name: 'Cancel run' }));
    const dialog = screen.getByRole('dialog', { name: 'Cancel the run of “Faculty members”' });
    expect(within(dialog).getByRole('button', { name: 'Keep running' })).toHaveFocus();
    await user.click(within(dialog).getByRole('button', { name: 'Yes, cancel the run' }));

    await expect.poll(() => api.callsTo('POST /api/runs/13/cancel')).toHaveLength(1);
    expect(await within(dialog).findByText(/^Cancelling…/)).toBeInTheDocument();
    expect(within(dialog).queryByRole('button', { name: 'Yes, cancel the run' })).not.toBeInTheDocument();
  });

  it('should show a cancelled last run with who cancelled it, not as an error, once the run is over', async () => {
    const cancelled = makeActiveRun({ status: 'cancelled', cancelledBy: 'admin', errorKind: 'cancelled', errorMessage: 'cancelled by admin' });
    stubApi({ 'GET /api/sources': () => [makeSource({ lastRun: { ...cancelled, messageKey: null } })] });
    await renderApp({ lng: 'en' });

    const card = await screen.findByRole('article', { name: 'Faculty members' });
    expect(within(card).getByText('Cancelled by admin.')).toBeInTheDocument();
    expect(within(card).queryByText('cancelled by admin')).not.toBeInTheDocument();
    expect(within(card).getByText('300')).toBeInTheDocument();
  });

  it('should say cancelled once the run it follows stops while the dialog is open', async () => {
    const run = makeActiveRun();
    let hasStopped = false;
    stubApi({
      'GET /api/sources': () => (hasStopped ? [makeSource({ activeRun: null, lastRun: { ...run, status: 'cancelled' } })] : [makeSource({ activeRun: run })]),
      'POST /api/runs/13/cancel': () => {
        hasStopped = true;
        return reply(202, run);
      },
    });
    const { user } = await renderApp({ lng: 'en' });

    await user.click(await screen.findByRole('button', { name: 'Cancel run' }));
    const dialog = screen.getByRole('dialog');
    await user.click(within(dialog).getByRole('button', { name: 'Yes, cancel the run' }));

    expect(await within(dialog).findByText('The run was cancelled.')).toBeInTheDocument();
  });

  it('should say the run had already ended when the server answers 409', async () => {
    const run = makeActiveRun();
    let hasEnded = false;
    stubApi({
      'GET /api/sources': () => (hasEnded ? [makeSource({ activeRun: null, lastRun: { ...run, status: 'success' } })] : [makeSource({ activeRun: run })]),
      'POST /api/runs/13/cancel': () => {
        hasEnded = true;
        return reply(409, errorBody(409, 'run 13 is already success'));
      },
    });
    const { user } = await renderApp({ lng: 'en' });

    await user.click(await screen.findByRole('button', { name: 'Cancel run' }));
    const dialog = screen.getByRole('dialog');
    await user.click(within(dialog).getByRole('button', { name: 'Yes, cancel the run' }));

    expect(await within(dialog).findByText('The run had already ended (Succeeded); there is nothing to cancel.')).toBeInTheDocument();
    expect(within(dialog).queryByRole('alert')).not.toBeInTheDocument();
  });
});
