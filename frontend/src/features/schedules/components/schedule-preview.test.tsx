import { screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { stubApi } from '../../../testing/fetch-stub';
import { AUTO_SYNC_CONFIG, makeAutoSync, makeSource } from '../../../testing/fixtures';
import { renderApp } from '../../../testing/render';

const BROWSER_ZONE = process.env.TZ;

afterEach(() => {
  process.env.TZ = BROWSER_ZONE;
});

describe('settings dialog, next runs of an interval', () => {
  it('should list the next three runs in Tehran time with the quiet window sent when the browser runs in another zone', async () => {
    // Node reads TZ anew when it is assigned: the browser's clock is New York's from here on.
    process.env.TZ = 'America/New_York';
    expect(new Date('2026-11-23T22:30:00Z').getHours()).toBe(17);
    const quietWindow = { start: '22:00', end: '06:00', days: [0, 1, 2, 3, 4, 5, 6] as const };
    const api = stubApi({
      'GET /api/sources': () => [
        makeSource({ autoSync: makeAutoSync({ every: 4, unit: 'hours', quietWindow: { ...quietWindow, days: [...quietWindow.days] } }) }),
      ],
      'GET /api/schedules/config': () => AUTO_SYNC_CONFIG,
      // 21:00 Tehran, then 06:00 (01:00 waits for the window's end), then 10:00.
      'GET /api/schedules/preview': () => ({
        timeZone: 'Asia/Tehran',
        fireTimes: ['2026-11-23T17:30:00.000Z', '2026-11-24T02:30:00.000Z', '2026-11-24T06:30:00.000Z'],
        reasons: ['regular', 'regular', 'regular'],
      }),
    });
    const view = await renderApp({ lng: 'en' });
    const card = await screen.findByRole('article', { name: 'Faculty members' });
    await view.user.click(within(card).getByRole('button', { name: 'Settings' }));
    const dialog = screen.getByRole('dialog', { name: 'Settings of “Faculty members”' });

    const list = await within(dialog).findByRole('list', { name: 'Next three runs' }, { timeout: 3000 });
    expect(
      within(list)
        .getAllByRole('listitem')
        .map((item) => item.textContent),
    ).toEqual(['2026-11-23 21:00 (regular)', '2026-11-24 06:00 (regular)', '2026-11-24 10:00 (regular)']);
    await waitFor(() => expect(api.callsTo('GET /api/schedules/preview')).not.toHaveLength(0));
    const query = api.callsTo('GET /api/schedules/preview').at(-1)?.query;
    expect(Object.fromEntries(query ?? [])).toEqual({ every: '4', unit: 'hours', quietStart: '22:00', quietEnd: '06:00', quietDays: '0,1,2,3,4,5,6' });
    expect(within(dialog).getByText('As the server would plan them if saved now, in Asia/Tehran time.')).toBeInTheDocument();
  });

  it('should send skip closures and the in-term interval in the preview query and the save, and list each run with its reason', async () => {
    const api = stubApi({
      'GET /api/sources': () => [makeSource({ autoSync: makeAutoSync({ enabled: true, every: 1, unit: 'days' }) })],
      'GET /api/schedules/config': () => AUTO_SYNC_CONFIG,
      'GET /api/schedules/preview': () => ({
        timeZone: 'Asia/Tehran',
        fireTimes: ['2026-11-24T20:30:00.000Z', '2026-11-25T20:30:00.000Z', '2026-11-25T21:30:00.000Z'],
        reasons: ['closure:تعطیلی آزمون', 'regular', 'in_term:نیمسال اول'],
      }),
      'PATCH /api/sources/faculty': () =>
        makeSource({ autoSync: makeAutoSync({ enabled: true, every: 1, unit: 'days', skipClosures: true, inTerm: { every: 2, unit: 'hours' } }) }),
    });
    const view = await renderApp({ lng: 'fa' });
    const card = await screen.findByRole('article', { name: 'اعضای هیئت علمی' });
    await view.user.click(within(card).getByRole('button', { name: 'تنظیمات' }));
    const dialog = await screen.findByRole('dialog');

    await view.user.click(within(dialog).getByRole('checkbox', { name: 'در تعطیلی‌های تقویم آموزشی اجرا نشود' }));
    await view.user.click(within(dialog).getByRole('checkbox', { name: 'در نیمسال‌ها با فاصلهٔ دیگری اجرا شود' }));
    const every = within(dialog).getByRole('textbox', { name: 'در نیمسال، هر' });
    await view.user.clear(every);
    await view.user.type(every, '۲');

    await waitFor(() => expect(api.callsTo('GET /api/schedules/preview').at(-1)?.query.get('inTermEvery')).toBe('2'), { timeout: 3000 });
    expect(Object.fromEntries(api.callsTo('GET /api/schedules/preview').at(-1)?.query ?? [])).toMatchObject({
      skipClosures: 'true',
      inTermEvery: '2',
      inTermUnit: 'hours',
    });
    const list = await within(dialog).findByRole('list', { name: 'سه اجرای بعدی' });
    const texts = within(list)
      .getAllByRole('listitem')
      .map((item) => item.textContent);
    expect(texts[0]).toContain('(پس از تعطیلی «تعطیلی آزمون»)');
    expect(texts[1]).toContain('(عادی)');
    expect(texts[2]).toContain('(در نیمسال «نیمسال اول»)');

    await view.user.click(within(dialog).getByRole('button', { name: 'ذخیره' }));
    await waitFor(() => expect(api.callsTo('PATCH /api/sources/faculty')).toHaveLength(1));
    expect(api.callsTo('PATCH /api/sources/faculty')[0].body).toMatchObject({ autoSync: { skipClosures: true, inTerm: { every: 2, unit: 'hours' } } });
  });
});
