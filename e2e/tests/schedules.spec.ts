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
  const response = await request.patch('/api/sources/faculty', { data: { autoSync: { enabled: false, every: 1, unit: 'days', quietWindow: null } } });
  expect(response.ok()).toBe(true);
});

test('should set a schedule in the Persian dialog and show the next run in Jalali on the card', async ({ page, request }, testInfo) => {
  await page.goto('/');
  const card = page.getByRole('article', { name: 'اعضای هیئت علمی', exact: true });
  await card.getByRole('button', { name: 'تنظیمات', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'تنظیمات «اعضای هیئت علمی»' });

  const toggle = dialog.getByRole('switch', { name: 'همگام‌سازی خودکار' });
  await toggle.check();
  await expect(toggle).toBeChecked();
  await expect.poll(async () => (await faculty(request)).autoSync.enabled).toBe(true);

  await dialog.getByRole('textbox', { name: 'هر', exact: true }).fill('۶');
  await dialog.getByRole('combobox', { name: 'واحد', exact: true }).selectOption('hours');
  await dialog.getByRole('checkbox', { name: 'اجراهای زمان‌بندی‌شده در بازهٔ سکوت صبر کنند' }).check();
  await page.screenshot({ path: testInfo.outputPath('schedule-dialog-fa.png'), fullPage: true });
  await dialog.getByRole('button', { name: 'ذخیره', exact: true }).click();
  await expect(dialog).toBeHidden();

  await expect.poll(async () => (await faculty(request)).autoSync.every).toBe(6);
  const { autoSync } = await faculty(request);
  expect(autoSync).toMatchObject({ enabled: true, unit: 'hours', quietWindow: { start: '08:00', end: '14:00' } });
  const section = card.getByRole('region', { name: 'همگام‌سازی خودکار' });
  await expect(section).toContainText('هر ۶ ساعت');
  await expect(section.getByText(jalaliDateTime(autoSync.nextRunAt!), { exact: true })).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath('schedule-card-fa.png'), fullPage: true });

  // The save is in the audit trail field by field, newest first, as Persian reads it (old ← new).
  await page.goto('/audit?action=settings.changed');
  const [saved, switchedOn] = [1, 2].map((row) => page.getByRole('table').getByRole('row').nth(row));
  await expect(saved).toContainText('فاصلهٔ اجراها: ۱ ← ۶');
  await expect(saved).toContainText('واحد فاصله: روز ← ساعت');
  await expect(saved).toContainText('بازهٔ سکوت از ساعت: هیچ ← ۰۸:۰۰');
  await expect(saved).toContainText('افزوده شد: شنبه');
  await expect(switchedOn).toContainText('همگام‌سازی خودکار: خاموش ← روشن');
  await page.screenshot({ path: testInfo.outputPath('audit-diff-fa.png'), fullPage: true });
});

test("should show the server's message next to the interval when the interval is too short", async ({ page, request }) => {
  await page.goto('/');
  const card = page.getByRole('article', { name: 'اعضای هیئت علمی', exact: true });
  await card.getByRole('button', { name: 'تنظیمات', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'تنظیمات «اعضای هیئت علمی»' });

  const every = dialog.getByRole('textbox', { name: 'هر', exact: true });
  await every.fill('2');
  await dialog.getByRole('combobox', { name: 'واحد', exact: true }).selectOption('minutes');
  await dialog.getByRole('button', { name: 'ذخیره', exact: true }).click();

  await expect(dialog.getByText('the interval must be at least 5 minutes', { exact: true })).toBeVisible();
  await expect(every).toHaveAttribute('aria-invalid', 'true');
  await expect(dialog).toBeVisible();
  expect((await faculty(request)).autoSync.every).toBe(1);
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
  await expect(preview.getByRole('listitem').first()).toHaveText(/^\d{4}-\d{2}-01 02:00$/);
  await dialog.getByRole('switch', { name: 'Automatic sync' }).check();
  await page.screenshot({ path: testInfo.outputPath('schedule-dialog-en.png'), fullPage: true });
  await dialog.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(dialog).toBeHidden();

  await expect.poll(async () => (await faculty(request)).autoSync.cron).toBe('0 2 1 * *');
  await expect(card.getByRole('region', { name: 'Automatic sync' })).toContainText('cron 0 2 1 * *');
  await expect(card.getByRole('region', { name: 'Automatic sync' }).getByText(/^\d{4}-\d{2}-01 02:00$/)).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath('schedule-card-en.png'), fullPage: true });

  await page.goto('/audit?action=settings.changed');
  const saved = page.getByRole('table').getByRole('row').nth(1);
  await expect(saved).toContainText('Cron expression: none → 0 2 1 * *');
  await expect(saved).toContainText('Interval: 1 → none');
  await expect(saved).toContainText('Interval unit: days → none');
  await expect(page.getByRole('table').getByRole('row').nth(2)).toContainText('Automatic sync: off → on');
  await page.screenshot({ path: testInfo.outputPath('audit-diff-en.png'), fullPage: true });
});
