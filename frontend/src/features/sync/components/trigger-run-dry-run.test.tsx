import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { reply, stubApi } from '../../../testing/fetch-stub';
import { makeActiveRun, makeSource } from '../../../testing/fixtures';
import { renderApp } from '../../../testing/render';

describe('the dry-run choice of the Sync dialog', () => {
  it('should send dryRun and say so on the button when the admin ticks Dry run', async () => {
    const api = stubApi({
      'GET /api/sources': () => [makeSource({ canDryRun: true })],
      'POST /api/sources/faculty/runs': () => reply(202, makeActiveRun({ dryRun: true })),
    });
    const { user } = await renderApp();
    const card = await screen.findByRole('article', { name: 'اعضای هیئت علمی' });
    await user.click(within(card).getByRole('button', { name: 'همگام‌سازی' }));
    const dialog = screen.getByRole('dialog');
    const choice = within(dialog).getByRole('checkbox', { name: /^اجرای آزمایشی/ });

    expect(choice).not.toBeChecked();
    await user.click(choice);
    await user.click(within(dialog).getByRole('button', { name: 'شروع اجرای آزمایشی' }));

    await expect.poll(() => api.callsTo('POST /api/sources/faculty/runs')).toHaveLength(1);
    expect(api.callsTo('POST /api/sources/faculty/runs')[0].body).toEqual({ trigger: 'manual', dryRun: true });
  });

  it('should send no dryRun when the box is left unticked', async () => {
    const api = stubApi({
      'GET /api/sources': () => [makeSource({ canDryRun: true })],
      'POST /api/sources/faculty/runs': () => reply(202, makeActiveRun()),
    });
    const { user } = await renderApp({ lng: 'en' });
    const card = await screen.findByRole('article', { name: 'Faculty members' });
    await user.click(within(card).getByRole('button', { name: 'Sync' }));

    await user.click(within(screen.getByRole('dialog')).getByRole('button', { name: 'Confirm' }));

    await expect.poll(() => api.callsTo('POST /api/sources/faculty/runs')).toHaveLength(1);
    expect(api.callsTo('POST /api/sources/faculty/runs')[0].body).toEqual({ trigger: 'manual' });
  });

  it('should offer no dry run when the source cannot promise one', async () => {
    stubApi({ 'GET /api/sources': () => [makeSource({ canDryRun: false })] });
    const { user } = await renderApp({ lng: 'en' });
    const card = await screen.findByRole('article', { name: 'Faculty members' });
    await user.click(within(card).getByRole('button', { name: 'Sync' }));

    expect(within(screen.getByRole('dialog')).queryByRole('checkbox', { name: /Dry run/ })).not.toBeInTheDocument();
  });
});
