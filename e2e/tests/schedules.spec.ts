import { expect, test, type APIRequestContext } from '@playwright/test';
import type { Source } from '@hamgam/shared';

// Only faculty's schedule is touched, at intervals of hours or a monthly cron: nothing fires while the suite
// runs, and every test switches auto-sync off again so the other specs see the source as they left it.

const TEHRAN = 'Asia/Tehran';

/** A time as the panel prints it in fa: Jalali date and 24-hour time, Persian digits, in Tehran. */
function jalaliDateTime(iso: string): string {
  const date = new Intl.DateTimeFormat('fa-IR-u-ca-persian', { timeZone: TEHRAN, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date(iso));
  const time = new Intl.DateTimeFormat('fa-IR', { timeZone: TEHRAN, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(new Date(iso));
  return `${date} ${time}`;
}

async function faculty(request: APIRequestContext): Promise<Source> {
  return (await (await request.get('/api/sources/faculty')).json()) as Source;
}

test.afterEach(async ({ request }) => {
  const response = await request.patch('/api/sources/faculty', {
    data: { autoSync: { enabled: false, every: 1, unit: 'days', quietWindow: null, skipClosures: false, inTerm: null } },
  });
  expect(response.ok()).toBe(true);
});

test('should set a schedule in the Persian dialog and show the next run in Jalali on the card', async ({ page, request }, testInfo) => {
  await page.goto('/');
  const card = page.getByRole('article', { name: 'اعضای هیئت علمی', exact: true });
  await card.getByRole('button', { name: 'تنظیمات', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'تنظیمات «اعضای هیئت علمی»' });

  // The switch is part of the draft: nothing goes live before Save.
  const toggle = dialog.getByRole('switch', { name: 'همگام‌سازی خودکار' });
  await toggle.check();
  await expect(toggle).toBeChecked();
  await expect(dialog.getByRole('tab', { name: 'زمان‌بندی (ذخیره‌نشده)' })).toBeVisible();
  expect((await faculty(request)).autoSync.enabled).toBe(false);

  await dialog.getByRole('textbox', { name: 'هر', exact: true }).fill('۶');
  await dialog.getByRole('combobox', { name: 'واحد', exact: true }).selectOption('hours');
  await dialog.getByRole('checkbox', { name: 'اجراهای زمان‌بندی‌شده در بازهٔ سکوت صبر کنند' }).check();
  await expect(dialog.getByText('هیچ اجرای زمان‌بندی‌شده‌ای بین ساعت ۰۸:۰۰ و ۱۴:۰۰ در روزهای', { exact: false })).toBeVisible();
  // The interval gets the next three runs too, as the server plans them with the quiet window.
  await expect(dialog.getByRole('list', { name: 'سه اجرای بعدی' }).getByRole('listitem')).toHaveCount(3);
  await page.screenshot({ path: testInfo.outputPath('schedule-dialog-fa.png'), fullPage: true });
  await dialog.getByRole('button', { name: 'ذخیره', exact: true }).click();

  // Saved where the admin is looking; the dialog stays open until they close it.
  await expect(dialog.getByRole('status').filter({ hasText: 'ذخیره شد.' })).toBeVisible();
  await expect(dialog.getByRole('tab', { name: 'زمان‌بندی', exact: true })).toBeVisible();
  const { autoSync } = await faculty(request);
  expect(autoSync).toMatchObject({ enabled: true, every: 6, unit: 'hours', quietWindow: { start: '08:00', end: '14:00' } });
  await dialog.getByRole('button', { name: 'بستن', exact: true }).click();
  await expect(dialog).toBeHidden();
  const section = card.getByRole('region', { name: 'همگام‌سازی خودکار' });
  await expect(section).toContainText('هر ۶ ساعت');
  await expect(section).toContainText('هیچ اجرای زمان‌بندی‌شده‌ای بین ساعت ۰۸:۰۰ و ۱۴:۰۰ در روزهای');
  await expect(section.getByText(jalaliDateTime(autoSync.nextRunAt!), { exact: true })).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath('schedule-card-fa.png'), fullPage: true });

  // The save is in the audit trail field by field, switch and schedule together, as Persian reads it (old ← new).
  await page.goto('/audit?action=settings.changed');
  const saved = page.getByRole('table').getByRole('row').nth(1);
  await expect(saved).toContainText('همگام‌سازی خودکار: خاموش ← روشن');
  await expect(saved).toContainText('فاصلهٔ اجراها: ۱ ← ۶');
  await expect(saved).toContainText('واحد فاصله: روز ← ساعت');
  await expect(saved).toContainText('بازهٔ سکوت از ساعت: هیچ ← ۰۸:۰۰');
  await expect(saved).toContainText('افزوده شد: شنبه');
  await page.screenshot({ path: testInfo.outputPath('audit-diff-fa.png'), fullPage: true });
});

test('should refuse a short interval and a quiet window leaving no time in Persian, and ask before dropping the changes', async ({
  page,
  request,
}, testInfo) => {
  await page.goto('/');
  const card = page.getByRole('article', { name: 'اعضای هیئت علمی', exact: true });
  await card.getByRole('button', { name: 'تنظیمات', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'تنظیمات «اعضای هیئت علمی»' });

  const every = dialog.getByRole('textbox', { name: 'هر', exact: true });
  await every.fill('2');
  await dialog.getByRole('combobox', { name: 'واحد', exact: true }).selectOption('minutes');
  await dialog.getByRole('checkbox', { name: 'اجراهای زمان‌بندی‌شده در بازهٔ سکوت صبر کنند' }).check();
  await dialog.getByRole('textbox', { name: 'تا ساعت', exact: true }).fill('۰۸:۰۰');
  await dialog.getByRole('button', { name: 'ذخیره', exact: true }).click();

  await expect(dialog.getByText('فاصلهٔ اجراها باید دست‌کم ۵ دقیقه باشد.', { exact: true })).toBeVisible();
  await expect(dialog.getByText('بازهٔ سکوت باید هر روز دست‌کم ۱ ساعت برای شروع اجراهای زمان‌بندی‌شده باقی بگذارد', { exact: false })).toBeVisible();
  await expect(every).toHaveAttribute('aria-invalid', 'true');
  expect((await faculty(request)).autoSync.every).toBe(1);

  // The server refuses the same window on its own, naming the field with a code the panel translates.
  const refused = await request.patch('/api/sources/faculty', { data: { autoSync: { quietWindow: { start: '08:00', end: '08:00', days: [6] } } } });
  expect(refused.status()).toBe(400);
  expect((await refused.json()) as unknown).toMatchObject({ problems: { 'autoSync.quietWindow.end': [{ code: 'quietWindowNoTime' }] } });

  await page.keyboard.press('Escape');
  const prompt = page.getByRole('dialog', { name: 'تغییرات ذخیره‌نشده کنار گذاشته شود؟' });
  await expect(prompt).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath('unsaved-prompt-fa.png'), fullPage: true });
  await prompt.getByRole('button', { name: 'ادامهٔ ویرایش' }).click();
  await expect(prompt).toBeHidden();
  await expect(every).toHaveValue('2');

  await dialog.getByRole('button', { name: 'بستن', exact: true }).click();
  await prompt.getByRole('button', { name: 'کنار گذاشتن تغییرات' }).click();
  await expect(dialog).toBeHidden();
  expect((await faculty(request)).autoSync).toMatchObject({ every: 1, unit: 'days', quietWindow: null });
});

test('should preview a cron schedule in English and show it on the card', async ({ page, request }, testInfo) => {
  await page.goto('/');
  await page.getByRole('button', { name: 'English' }).click();
  const card = page.getByRole('article', { name: 'Faculty members', exact: true });
  await card.getByRole('button', { name: 'Settings', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Settings of “Faculty members”' });

  await dialog.getByRole('radio', { name: 'Cron expression' }).check();
  await dialog.getByRole('textbox', { name: 'Cron expression' }).fill('0 2 1 * *');
  const preview = dialog.getByRole('list', { name: 'Next three runs' });
  await expect(preview.getByRole('listitem')).toHaveCount(3);
  await expect(preview.getByRole('listitem').first()).toHaveText(/^\d{4}-\d{2}-01 02:00 \(regular\)$/);
  await dialog.getByRole('switch', { name: 'Automatic sync' }).check();
  await page.screenshot({ path: testInfo.outputPath('schedule-dialog-en.png'), fullPage: true });
  await dialog.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(dialog.getByRole('status').filter({ hasText: 'Saved.' })).toBeVisible();
  expect((await faculty(request)).autoSync).toMatchObject({ enabled: true, cron: '0 2 1 * *' });
  await dialog.getByRole('button', { name: 'Close', exact: true }).click();
  await expect(dialog).toBeHidden();

  await expect(card.getByRole('region', { name: 'Automatic sync' })).toContainText('cron 0 2 1 * *');
  await expect(card.getByRole('region', { name: 'Automatic sync' }).getByText(/^\d{4}-\d{2}-01 02:00$/)).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath('schedule-card-en.png'), fullPage: true });

  await page.goto('/audit?action=settings.changed');
  const saved = page.getByRole('table').getByRole('row').nth(1);
  await expect(saved).toContainText('Cron expression: none → 0 2 1 * *');
  await expect(saved).toContainText('Interval: 1 → none');
  await expect(saved).toContainText('Interval unit: days → none');
  await expect(saved).toContainText('Automatic sync: off → on');
  await page.screenshot({ path: testInfo.outputPath('audit-diff-en.png'), fullPage: true });
});
