import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { SchedulePreview } from '@hamgam/shared';
import { errorBody, reply, stubApi, type StubHandler } from '../../../testing/fetch-stub';
import { AUTO_SYNC_CONFIG, makeAutoSync, makeSource } from '../../../testing/fixtures';
import { renderApp } from '../../../testing/render';

function stubSchedules(routes: Record<string, StubHandler> = {}) {
  return stubApi({ 'GET /api/sources': () => [makeSource()], 'GET /api/schedules/config': () => AUTO_SYNC_CONFIG, ...routes });
}

async function openSettings(lng: 'fa' | 'en' = 'fa') {
  const view = await renderApp({ lng });
  const card = await screen.findByRole('article', { name: lng === 'fa' ? 'اعضای هیئت علمی' : 'Faculty members' });
  await view.user.click(within(card).getByRole('button', { name: lng === 'fa' ? 'تنظیمات' : 'Settings' }));
  const dialog = screen.getByRole('dialog', { name: lng === 'fa' ? 'تنظیمات «اعضای هیئت علمی»' : 'Settings of “Faculty members”' });
  return { ...view, card, dialog };
}

describe('settings dialog, schedule tab', () => {
  it('should show the stored schedule and the time limit when Settings is clicked', async () => {
    stubSchedules();
    const { dialog } = await openSettings();

    expect(within(dialog).getByRole('switch', { name: 'همگام‌سازی خودکار' })).not.toBeChecked();
    expect(within(dialog).getByRole('radio', { name: 'در فاصله‌های منظم' })).toBeChecked();
    expect(within(dialog).getByRole('textbox', { name: 'هر' })).toHaveValue('۱');
    expect(within(dialog).getByRole('combobox', { name: 'واحد' })).toHaveValue('days');
    expect(within(dialog).getByRole('textbox', { name: 'سقف زمان هر اجرا (دقیقه)' })).toHaveValue('۶۰');
    expect(await within(dialog).findByText('از ۵ دقیقه تا ۳۰ روز، از شروع آخرین اجرا حساب می‌شود، هر که آن را شروع کرده باشد.')).toBeInTheDocument();
  });

  it('should send the interval and the new time limit, say saved and keep the dialog open when Save is clicked', async () => {
    const api = stubSchedules({
      'PATCH /api/sources/faculty': () => makeSource({ autoSync: makeAutoSync({ every: 6, unit: 'hours' }), timeoutSeconds: 1800 }),
    });
    const { user, dialog } = await openSettings('en');

    await user.clear(within(dialog).getByRole('textbox', { name: 'Every' }));
    await user.type(within(dialog).getByRole('textbox', { name: 'Every' }), '6');
    await user.selectOptions(within(dialog).getByRole('combobox', { name: 'Unit' }), 'hours');
    await user.clear(within(dialog).getByRole('textbox', { name: 'Time limit per run (minutes)' }));
    await user.type(within(dialog).getByRole('textbox', { name: 'Time limit per run (minutes)' }), '30');
    await user.click(within(dialog).getByRole('button', { name: 'Save' }));

    await waitFor(() =>
      expect(
        within(dialog)
          .getAllByRole('status')
          .some((status) => status.textContent === 'Saved.'),
      ).toBe(true),
    );
    expect(screen.getByRole('dialog', { name: 'Settings of “Faculty members”' })).toBeInTheDocument();
    expect(within(dialog).getByRole('tab', { name: 'Schedule' })).toBeInTheDocument();
    expect(api.callsTo('PATCH /api/sources/faculty')[0].body).toEqual({ autoSync: { every: 6, unit: 'hours', quietWindow: null }, timeoutSeconds: 1800 });
    expect(api.callsTo('GET /api/sources')).toHaveLength(1);
  });

  it('should say the refusal in Persian from its code, not the server English, and keep the dialog open when the server refuses the interval', async () => {
    const message = 'the interval must be at least 15 minutes';
    stubSchedules({
      'PATCH /api/sources/faculty': () =>
        reply(
          400,
          errorBody(400, `autoSync.every: ${message}`, {
            fields: { 'autoSync.every': [message] },
            problems: { 'autoSync.every': [{ code: 'intervalTooShort', params: { seconds: 900 } }] },
          }),
        ),
    });
    const { user, dialog } = await openSettings();
    const every = within(dialog).getByRole('textbox', { name: 'هر' });

    await user.clear(every);
    await user.type(every, '۱۰');
    await user.selectOptions(within(dialog).getByRole('combobox', { name: 'واحد' }), 'minutes');
    await user.click(within(dialog).getByRole('button', { name: 'ذخیره' }));

    await waitFor(() => expect(every).toHaveAccessibleDescription(expect.stringContaining('فاصلهٔ اجراها باید دست‌کم ۱۵ دقیقه باشد.')));
    expect(every).not.toHaveAccessibleDescription(expect.stringContaining(message));
    expect(every).toHaveAttribute('aria-invalid', 'true');
    expect(every).toHaveFocus();
    expect(screen.getByRole('dialog')).toBeInTheDocument();
  });

  it("should refuse an interval under the floor and a quiet window leaving no time before sending, in the reader's language", async () => {
    const api = stubSchedules();
    const { user, dialog } = await openSettings('en');
    const every = within(dialog).getByRole('textbox', { name: 'Every' });

    await user.clear(every);
    await user.type(every, '2');
    await user.selectOptions(within(dialog).getByRole('combobox', { name: 'Unit' }), 'minutes');
    await user.click(within(dialog).getByRole('checkbox', { name: 'Hold scheduled runs during a quiet window' }));
    await user.clear(within(dialog).getByRole('textbox', { name: 'Until' }));
    await user.type(within(dialog).getByRole('textbox', { name: 'Until' }), '08:00');
    await user.click(within(dialog).getByRole('button', { name: 'Save' }));

    expect(every).toHaveAccessibleDescription(expect.stringContaining('The interval must be at least 5 minutes.'));
    expect(within(dialog).getByRole('textbox', { name: 'Until' })).toHaveAccessibleDescription(
      'The quiet window must leave at least 1 hour a day for scheduled runs to start (it cannot end when it starts).',
    );
    expect(api.callsTo('PATCH /api/sources/faculty')).toHaveLength(0);
  });

  it('should not switch auto-sync on the card before Save, and send the switch with the schedule when Save is clicked', async () => {
    const api = stubSchedules({ 'PATCH /api/sources/faculty': () => makeSource({ autoSync: makeAutoSync({ enabled: true }) }) });
    const { user, card, dialog } = await openSettings('en');
    const toggle = within(dialog).getByRole('switch', { name: 'Automatic sync' });

    await user.click(toggle);

    expect(toggle).toBeChecked();
    expect(toggle).toHaveAccessibleDescription('On: after Save, runs start by themselves on this schedule.');
    expect(within(card).getByRole('region', { name: 'Automatic sync' })).toHaveTextContent('Off');
    expect(api.callsTo('PATCH /api/sources/faculty')).toHaveLength(0);

    await user.click(within(dialog).getByRole('button', { name: 'Save' }));

    await waitFor(() => expect(within(card).getByRole('region', { name: 'Automatic sync' })).toHaveTextContent('every 1 day'));
    expect(api.callsTo('PATCH /api/sources/faculty')[0].body).toEqual({ autoSync: { enabled: true, every: 1, unit: 'days', quietWindow: null } });
  });

  it('should list the next three runs in Jalali when a cron expression is typed', async () => {
    const preview: SchedulePreview = {
      timeZone: 'Asia/Tehran',
      fireTimes: ['2026-11-23T22:30:00.000Z', '2026-11-24T22:30:00.000Z', '2026-11-25T22:30:00.000Z'],
      reasons: ['regular', 'regular', 'regular'],
    };
    const api = stubSchedules({ 'GET /api/schedules/preview': () => preview });
    const { user, dialog } = await openSettings();

    await user.click(within(dialog).getByRole('radio', { name: 'عبارت کرون (cron)' }));
    await user.type(within(dialog).getByRole('textbox', { name: 'عبارت کرون' }), '0 2 * * *');

    await waitFor(() => expect(api.callsTo('GET /api/schedules/preview').at(-1)?.query.get('cron')).toBe('0 2 * * *'), { timeout: 3000 });
    const list = await within(dialog).findByRole('list', { name: 'سه اجرای بعدی' });
    expect(
      within(list)
        .getAllByRole('listitem')
        .map((item) => item.textContent),
    ).toEqual(['۱۴۰۵/۰۹/۰۳ ۰۲:۰۰ (عادی)', '۱۴۰۵/۰۹/۰۴ ۰۲:۰۰ (عادی)', '۱۴۰۵/۰۹/۰۵ ۰۲:۰۰ (عادی)']);
  });

  it("should say why the previewed expression is invalid from the server's code when a bad cron expression is typed", async () => {
    stubSchedules({
      'GET /api/schedules/preview': () =>
        reply(
          400,
          errorBody(400, 'cron: bad', {
            fields: { cron: ['the cron expression is not valid: Field value (99) is out of range'] },
            problems: { cron: [{ code: 'cronInvalid' }] },
          }),
        ),
    });
    const { user, dialog } = await openSettings('en');

    await user.click(within(dialog).getByRole('radio', { name: 'Cron expression' }));
    await user.type(within(dialog).getByRole('textbox', { name: 'Cron expression' }), '99 * * * *');

    expect(
      await within(dialog).findByText(
        'This is not a cron expression: five fields, minute hour day-of-month month day-of-week, e.g. 0 2 * * *.',
        {},
        { timeout: 3000 },
      ),
    ).toBeInTheDocument();
    expect(within(dialog).queryByText(/Field value \(99\)/)).not.toBeInTheDocument();
  });

  it('should say that no schedule fires when the server runs with AUTO_SYNC_ENABLED=false', async () => {
    stubSchedules({ 'GET /api/schedules/config': () => ({ ...AUTO_SYNC_CONFIG, isAllowed: false }) });
    const { dialog } = await openSettings('en');

    expect(await within(dialog).findByText('This server runs with AUTO_SYNC_ENABLED=false: schedules are kept but none fires.')).toBeInTheDocument();
  });

  it('should offer the modes of the source when the source has modes', async () => {
    stubSchedules({ 'GET /api/sources': () => [makeSource({ modes: ['full', 'recent'], autoSync: makeAutoSync({ mode: 'recent' }) })] });
    const { dialog } = await openSettings('en');

    const mode = within(dialog).getByRole('combobox', { name: 'Mode of scheduled runs' });
    expect(mode).toHaveValue('recent');
    expect(
      within(mode)
        .getAllByRole('option')
        .map((option) => option.textContent),
    ).toEqual(["The source's default", 'Full', 'Recent changes only']);
  });
});
