import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { reply, stubApi } from '../../../testing/fetch-stub';
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

  it('should ask for confirmation and post the cancel when Cancel run is confirmed', async () => {
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
    expect(await screen.findByRole('button', { name: 'Cancel run' })).toBeInTheDocument();
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
  });
});
