import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { stubApi } from '../../../testing/fetch-stub';
import { AUTO_SYNC_CONFIG, makeAutoSync, makeSource } from '../../../testing/fixtures';
import { renderApp } from '../../../testing/render';

const FACULTY_FA = 'اعضای هیئت علمی';

async function autoSyncOf(name: string, lng: 'fa' | 'en' = 'fa') {
  await renderApp({ lng });
  const card = await screen.findByRole('article', { name });
  return within(card).getByRole('region', { name: lng === 'fa' ? 'همگام‌سازی خودکار' : 'Automatic sync' });
}

describe('auto-sync on the source card', () => {
  it('should show the interval and the next run in Jalali with Persian digits when auto-sync is on', async () => {
    const autoSync = makeAutoSync({ enabled: true, every: 6, unit: 'hours', nextRunAt: '2026-11-23T16:30:00+03:30' });
    stubApi({ 'GET /api/sources': () => [makeSource({ autoSync })] });

    const section = await autoSyncOf(FACULTY_FA);

    expect(section).toHaveTextContent('هر ۶ ساعت');
    expect(within(section).getByText('۱۴۰۵/۰۹/۰۲ ۱۶:۳۰')).toHaveAttribute('datetime', '2026-11-23T16:30:00+03:30');
  });

  it('should show the next run as a wall clock in the university zone when the browser runs in another zone', async () => {
    // The tests run in Asia/Tehran; a server reading schedules in UTC must show UTC wall times, as its previews do.
    const autoSync = makeAutoSync({ enabled: true, every: 6, unit: 'hours', nextRunAt: '2026-11-23T16:30:00+03:30' });
    stubApi({ 'GET /api/sources': () => [makeSource({ autoSync })], 'GET /api/schedules/config': () => ({ ...AUTO_SYNC_CONFIG, timeZone: 'UTC' }) });

    const section = await autoSyncOf('Faculty members', 'en');

    expect(await within(section).findByText('2026-11-23 13:00')).toHaveAttribute('datetime', '2026-11-23T16:30:00+03:30');
  });

  it('should show the in-term interval beside the regular one when the schedule has one', async () => {
    const autoSync = makeAutoSync({ enabled: true, every: 1, unit: 'days', inTerm: { every: 2, unit: 'hours' }, nextRunAt: '2026-11-23T16:30:00+03:30' });
    stubApi({ 'GET /api/sources': () => [makeSource({ autoSync })], 'GET /api/schedules/config': () => AUTO_SYNC_CONFIG });

    const fa = await autoSyncOf(FACULTY_FA);
    expect(within(fa).getByText('در نیمسال‌ها').nextElementSibling).toHaveTextContent('هر ۲ ساعت');
    expect(fa).toHaveTextContent('هر ۱ روز');
  });

  it('should show the in-term interval in English when the language is English', async () => {
    const autoSync = makeAutoSync({ enabled: true, every: 1, unit: 'days', inTerm: { every: 30, unit: 'minutes' } });
    stubApi({ 'GET /api/sources': () => [makeSource({ autoSync })] });

    const en = await autoSyncOf('Faculty members', 'en');
    expect(within(en).getByText('Inside terms').nextElementSibling).toHaveTextContent('every 30 minutes');
  });

  it('should not mention terms when the schedule has no in-term interval', async () => {
    stubApi({ 'GET /api/sources': () => [makeSource({ autoSync: makeAutoSync({ enabled: true, every: 1, unit: 'days', inTerm: null }) })] });
    const section = await autoSyncOf('Faculty members', 'en');
    expect(within(section).queryByText('Inside terms')).not.toBeInTheDocument();
  });

  it('should say why the next run is then when a closure of the academic calendar moved it', async () => {
    const moved = makeAutoSync({ enabled: true, every: 1, unit: 'days', nextRunAt: '2026-11-24T00:00:00+03:30', nextRunReason: 'closure:تعطیلی آزمون' });
    stubApi({ 'GET /api/sources': () => [makeSource({ autoSync: moved })] });
    const section = await autoSyncOf('Faculty members', 'en');
    expect(section).toHaveTextContent('2026-11-24 00:00 (moved past closure “تعطیلی آزمون”)');
  });

  it('should not add a reason to a regular next run', async () => {
    const regular = makeAutoSync({ enabled: true, every: 1, unit: 'days', nextRunAt: '2026-11-24T00:00:00+03:30', nextRunReason: 'regular' });
    stubApi({ 'GET /api/sources': () => [makeSource({ autoSync: regular })] });
    const section = await autoSyncOf(FACULTY_FA);
    expect(section).not.toHaveTextContent('عادی');
    expect(section).not.toHaveTextContent('(');
  });

  it('should show the cron expression left to right when the schedule is a cron expression', async () => {
    stubApi({ 'GET /api/sources': () => [makeSource({ autoSync: makeAutoSync({ enabled: true, every: null, unit: null, cron: '0 2 * * *' }) })] });

    const section = await autoSyncOf(FACULTY_FA);

    expect(within(section).getByText('0 2 * * *')).toHaveAttribute('dir', 'ltr');
    expect(section).toHaveTextContent('کرون 0 2 * * *');
  });

  it('should say off and show no next run when auto-sync is off', async () => {
    stubApi({ 'GET /api/sources': () => [makeSource()] });

    const section = await autoSyncOf('Faculty members', 'en');

    expect(within(section).getByText('Off')).toBeInTheDocument();
    expect(within(section).queryByText('Next run')).not.toBeInTheDocument();
  });

  it('should show the back-off and clear it when Clear back-off is clicked', async () => {
    let autoSync = makeAutoSync({ enabled: true, every: 1, unit: 'hours', failures: 3, backoffFactor: 4, nextRunAt: '2026-11-23T14:30:00+03:30' });
    const api = stubApi({
      'GET /api/sources': () => [makeSource({ autoSync })],
      'POST /api/sources/faculty/auto-sync/clear-back-off': () => {
        autoSync = { ...autoSync, failures: 0, backoffFactor: 1 };
        return makeSource({ autoSync });
      },
    });
    const { user } = await renderApp({ lng: 'en' });
    const card = await screen.findByRole('article', { name: 'Faculty members' });
    expect(card).toHaveTextContent('3 scheduled runs failed in a row; the next attempt waits 4 intervals.');

    await user.click(within(card).getByRole('button', { name: 'Clear back-off' }));

    await expect.poll(() => within(card).queryByRole('button', { name: 'Clear back-off' })).toBeNull();
    expect(api.callsTo('POST /api/sources/faculty/auto-sync/clear-back-off')).toHaveLength(1);
    // The answer is the whole source: written into the cache, not fetched again.
    expect(api.callsTo('GET /api/sources')).toHaveLength(1);
  });

  it('should say the schedule paused itself and offer to resume when it is paused', async () => {
    const autoSync = makeAutoSync({ enabled: true, failures: 10, backoffFactor: 24, pausedAt: '2026-11-23T10:00:00+03:30' });
    stubApi({ 'GET /api/sources': () => [makeSource({ autoSync })] });

    const section = await autoSyncOf(FACULTY_FA);

    expect(section).toHaveTextContent('پس از ۱۰ اجرای زمان‌بندی‌شدهٔ ناموفق پیاپی متوقف شد.');
    expect(within(section).getByRole('button', { name: 'برداشتن تأخیر و ازسرگیری' })).toBeEnabled();
  });

  it('should say no schedule fires when the server runs with the kill switch on', async () => {
    stubApi({ 'GET /api/sources': () => [makeSource({ autoSync: makeAutoSync({ enabled: true, isAllowed: false }) })] });

    const section = await autoSyncOf('Faculty members', 'en');

    expect(section).toHaveTextContent('Automatic sync is turned off on this server (AUTO_SYNC_ENABLED=false); no schedule fires.');
  });
});
