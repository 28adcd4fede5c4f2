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
    ).toEqual(['2026-11-23 21:00', '2026-11-24 06:00', '2026-11-24 10:00']);
    await waitFor(() => expect(api.callsTo('GET /api/schedules/preview')).not.toHaveLength(0));
    const query = api.callsTo('GET /api/schedules/preview').at(-1)?.query;
    expect(Object.fromEntries(query ?? [])).toEqual({ every: '4', unit: 'hours', quietStart: '22:00', quietEnd: '06:00', quietDays: '0,1,2,3,4,5,6' });
    expect(within(dialog).getByText('As the server would plan them if saved now, in Asia/Tehran time.')).toBeInTheDocument();
  });
});
