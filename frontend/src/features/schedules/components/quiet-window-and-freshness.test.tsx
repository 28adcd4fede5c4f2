import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { QuietWindow } from '@hamgam/shared';
import { stubApi } from '../../../testing/fetch-stub';
import { AUTO_SYNC_CONFIG, makeAutoSync, makeSource } from '../../../testing/fixtures';
import { renderApp } from '../../../testing/render';

const NIGHT: QuietWindow = { start: '22:00', end: '06:00', days: [0, 1, 2, 3, 4, 5, 6] };

async function openSettings(lng: 'fa' | 'en', source = makeSource(), routes: Parameters<typeof stubApi>[0] = {}) {
  const api = stubApi({
    'GET /api/sources': () => [source],
    'GET /api/schedules/config': () => AUTO_SYNC_CONFIG,
    'GET /api/schedules/preview': () => ({ timeZone: 'Asia/Tehran', fireTimes: [], reasons: [] }),
    ...routes,
  });
  const view = await renderApp({ lng });
  const card = await screen.findByRole('article', { name: lng === 'fa' ? 'اعضای هیئت علمی' : 'Faculty members' });
  await view.user.click(within(card).getByRole('button', { name: lng === 'fa' ? 'تنظیمات' : 'Settings' }));
  return { ...view, api, card, dialog: screen.getByRole('dialog') };
}

describe('quiet window in plain words', () => {
  it('should say on the card and in the form which runs the quiet window holds back, in Persian', async () => {
    const source = makeSource({ autoSync: makeAutoSync({ enabled: true, quietWindow: NIGHT }) });
    const { card, dialog } = await openSettings('fa', source);
    const sentence = 'هیچ اجرای زمان‌بندی‌شده‌ای هر روز بین ساعت ۲۲:۰۰ و ۰۶:۰۰ شروع نمی‌شود؛ اجرایی که در این بازه سررسید شود ساعت ۰۶:۰۰ شروع می‌شود.';

    expect(within(card).getByText(sentence)).toBeInTheDocument();
    expect(within(dialog).getByText(sentence)).toBeInTheDocument();
  });

  it('should follow the days and times as they are typed, in English', async () => {
    const { user, dialog } = await openSettings('en');
    await user.click(within(dialog).getByRole('checkbox', { name: 'Hold scheduled runs during a quiet window' }));

    expect(
      within(dialog).getByText('No scheduled run starts between 08:00 and 14:00 on Sat, Sun, Mon, Tue, and Wed; a run due then starts at 14:00.'),
    ).toBeInTheDocument();
  });
});

describe('fresh for (max age)', () => {
  it('should send the max age in seconds, and null when it is emptied, with the plain explanation shown', async () => {
    const saved = makeSource({ freshness: { maxAgeSeconds: 43_200 } });
    const { user, dialog, api } = await openSettings('en', makeSource(), { 'PATCH /api/sources/faculty': () => saved });
    const fresh = within(dialog).getByRole('textbox', { name: 'Fresh for (hours)' });
    expect(fresh).toHaveAccessibleDescription(
      'The source is marked “Late” when it has had no successful run for this long. Empty: worked out from the schedule.',
    );

    await user.type(fresh, '12');
    await user.click(within(dialog).getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(api.callsTo('PATCH /api/sources/faculty')).toHaveLength(1));
    expect(api.callsTo('PATCH /api/sources/faculty')[0].body).toMatchObject({ freshness: { maxAgeSeconds: 43_200 } });
    await waitFor(() => expect(fresh).toHaveValue('12'));

    await user.clear(fresh);
    await user.click(within(dialog).getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(api.callsTo('PATCH /api/sources/faculty')).toHaveLength(2));
    expect(api.callsTo('PATCH /api/sources/faculty')[1].body).toMatchObject({ freshness: { maxAgeSeconds: null } });
  });

  it('should refuse a max age that is not a number of hours in Persian before sending', async () => {
    const { user, dialog, api } = await openSettings('fa');
    const fresh = within(dialog).getByRole('textbox', { name: 'تازه تا (ساعت)' });

    await user.type(fresh, 'abc');
    await user.click(within(dialog).getByRole('button', { name: 'ذخیره' }));

    expect(fresh).toHaveAccessibleDescription(expect.stringContaining('تعداد ساعتی بیشتر از ۰ و حداکثر ۸٬۷۶۰ وارد کنید یا خالی بگذارید.'));
    expect(api.callsTo('PATCH /api/sources/faculty')).toHaveLength(0);
  });
});
