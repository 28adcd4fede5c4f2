import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { errorBody, reply, stubApi } from '../../../testing/fetch-stub';
import { makeActiveRun, makeSource } from '../../../testing/fixtures';
import { renderApp } from '../../../testing/render';

async function openSyncDialog(lng: 'fa' | 'en' = 'fa') {
  const view = await renderApp({ lng });
  const name = lng === 'fa' ? 'اعضای هیئت علمی' : 'Faculty members';
  const card = await screen.findByRole('article', { name });
  await view.user.click(within(card).getByRole('button', { name: lng === 'fa' ? 'همگام‌سازی' : 'Sync' }));
  return view;
}

describe('trigger run dialog', () => {
  it('should open a labelled dialog with the focus inside when Sync is clicked', async () => {
    stubApi({ 'GET /api/sources': () => [makeSource()] });
    await openSyncDialog();

    const dialog = screen.getByRole('dialog', { name: 'همگام‌سازی «اعضای هیئت علمی»' });
    expect(dialog).toHaveAttribute('aria-modal', 'true');
    expect(within(dialog).getByRole('textbox', { name: 'دلیل (اختیاری)' })).toHaveFocus();
    expect(within(dialog).getByRole('button', { name: 'تأیید' })).toBeInTheDocument();
    expect(within(dialog).getByRole('button', { name: 'انصراف' })).toBeInTheDocument();
  });

  it('should close without a request and give the focus back when Escape is pressed', async () => {
    const api = stubApi({ 'GET /api/sources': () => [makeSource()] });
    const { user } = await openSyncDialog();

    await user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'همگام‌سازی' })).toHaveFocus();
    expect(api.callsTo('POST /api/sources/faculty/runs')).toHaveLength(0);
  });

  it('should post the run with its reason and show it as active when Confirm is clicked', async () => {
    const started = makeActiveRun({ stage: 'starting', percent: null, messageKey: null, messageParams: null });
    let sources = [makeSource()];
    const api = stubApi({
      'GET /api/sources': () => sources,
      'POST /api/sources/faculty/runs': () => {
        sources = [makeSource({ activeRun: started })];
        return reply(202, started);
      },
    });
    const { user } = await openSyncDialog('en');

    const dialog = screen.getByRole('dialog', { name: 'Sync “Faculty members”' });
    await user.type(within(dialog).getByRole('textbox', { name: 'Reason (optional)' }), 'new term');
    await user.click(within(dialog).getByRole('button', { name: 'Confirm' }));

    expect(await screen.findByRole('progressbar', { name: 'Sync progress of “Faculty members”' })).toBeInTheDocument();
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(api.callsTo('POST /api/sources/faculty/runs')[0].body).toEqual({ trigger: 'manual', reason: 'new term' });
    expect(screen.getByRole('button', { name: 'Sync' })).toBeDisabled();
  });

  it('should send only the trigger when no reason is given', async () => {
    const api = stubApi({
      'GET /api/sources': () => [makeSource()],
      'POST /api/sources/faculty/runs': () => reply(202, makeActiveRun()),
    });
    const { user } = await openSyncDialog();

    await user.click(screen.getByRole('button', { name: 'تأیید' }));
    await expect.poll(() => api.callsTo('POST /api/sources/faculty/runs')).toHaveLength(1);
    expect(api.callsTo('POST /api/sources/faculty/runs')[0].body).toEqual({ trigger: 'manual' });
  });

  it('should say a run is already in progress and link to it when the server answers 409', async () => {
    const active = makeActiveRun({ id: '77', trigger: 'schedule' });
    stubApi({
      'GET /api/sources': () => [makeSource()],
      'POST /api/sources/faculty/runs': () => reply(409, errorBody(409, 'faculty already has an active run', { activeRun: active })),
    });
    const { user } = await openSyncDialog();

    await user.click(screen.getByRole('button', { name: 'تأیید' }));

    const alert = await within(screen.getByRole('dialog')).findByRole('alert');
    expect(alert).toHaveTextContent('یک اجرای دیگر از این منبع در جریان است.');
    expect(alert).toHaveTextContent('اجرای ۷۷ — در حال اجرا، از ۱۴۰۵/۰۹/۰۲ ۱۰:۳۰');
    expect(within(alert).getByRole('link', { name: 'مشاهدهٔ اجرای ۷۷' })).toHaveAttribute('href', '/runs/77');
  });

  it('should keep the focus inside the dialog when Tab passes the last button', async () => {
    stubApi({ 'GET /api/sources': () => [makeSource()] });
    const { user } = await openSyncDialog();

    const dialog = screen.getByRole('dialog');
    await user.tab();
    await user.tab();
    expect(within(dialog).getByRole('button', { name: 'انصراف' })).toHaveFocus();
    await user.tab();
    expect(within(dialog).getByRole('textbox')).toHaveFocus();
    await user.tab({ shift: true });
    expect(within(dialog).getByRole('button', { name: 'انصراف' })).toHaveFocus();
  });
});
