import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { reply, stubApi } from '../../../testing/fetch-stub';
import { makeActiveRun, makeSource } from '../../../testing/fixtures';
import { renderApp } from '../../../testing/render';

const students = () => makeSource({ id: 'students', modes: ['full', 'recent'], lastRun: null });

describe('run modes and the records link on a source card', () => {
  it('should offer full and recent, full first, and send the chosen mode when the source has modes', async () => {
    const api = stubApi({
      'GET /api/sources': () => [students()],
      'POST /api/sources/students/runs': () => reply(202, makeActiveRun({ sourceId: 'students', mode: 'recent' })),
    });
    const { user } = await renderApp();
    const card = await screen.findByRole('article', { name: 'دانشجویان' });
    await user.click(within(card).getByRole('button', { name: 'همگام‌سازی' }));
    const dialog = screen.getByRole('dialog');
    const group = within(dialog).getByRole('group', { name: 'گسترهٔ همگام‌سازی' });

    expect(within(group).getByRole('radio', { name: /^کامل/ })).toBeChecked();
    await user.click(within(group).getByRole('radio', { name: /^اخیر/ }));
    await user.click(within(dialog).getByRole('button', { name: 'تأیید' }));

    await expect.poll(() => api.callsTo('POST /api/sources/students/runs')).toHaveLength(1);
    expect(api.callsTo('POST /api/sources/students/runs')[0].body).toEqual({ trigger: 'manual', mode: 'recent' });
  });

  it('should show no mode choice and send no mode when the source has none', async () => {
    const api = stubApi({ 'GET /api/sources': () => [makeSource()], 'POST /api/sources/faculty/runs': () => reply(202, makeActiveRun()) });
    const { user } = await renderApp({ lng: 'en' });
    await user.click(await screen.findByRole('button', { name: 'Sync' }));

    expect(within(screen.getByRole('dialog')).queryByRole('radio')).not.toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Confirm' }));
    await expect.poll(() => api.callsTo('POST /api/sources/faculty/runs')).toHaveLength(1);
    expect(api.callsTo('POST /api/sources/faculty/runs')[0].body).toEqual({ trigger: 'manual' });
  });

  it('should link to the data browser when the source keeps records and not otherwise', async () => {
    stubApi({ 'GET /api/sources': () => [students(), makeSource({ id: 'legacy-faculty', kind: 'command', hasRecords: false })] });
    await renderApp();

    const card = await screen.findByRole('article', { name: 'دانشجویان' });
    expect(within(card).getByRole('link', { name: 'مرور داده‌ها' })).toHaveAttribute('href', '/sources/students/records');
    const legacy = screen.getByRole('article', { name: 'اسکریپت قدیمی اعضای هیئت علمی' });
    expect(within(legacy).queryByRole('link', { name: 'مرور داده‌ها' })).not.toBeInTheDocument();
  });
});
