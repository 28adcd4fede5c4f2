import { expect, test, type Page } from '@playwright/test';
import type { RecordPage, Source } from '@hamgam/shared';
import { setMoodleFaults, waitForLatestRun } from '../fixtures/app';

const toPersianDigits = (text: string) => text.replace(/\d/g, (d) => '۰۱۲۳۴۵۶۷۸۹'[Number(d)]);
const SITE_NAME = 'سامانهٔ آموزش مجازی دانشگاه (نمایشی)';

test.afterEach(async ({ request }) => {
  await setMoodleFaults(request, {});
});

/** Opens the Moodle card's settings dialog on its connection tab. */
async function openConnection(page: Page, lng: 'fa' | 'en' = 'fa') {
  const card = page.getByRole('article', { name: lng === 'fa' ? 'مودل' : 'Moodle', exact: true });
  await card.getByRole('button', { name: lng === 'fa' ? 'تنظیمات' : 'Settings', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: lng === 'fa' ? 'تنظیمات «مودل»' : 'Settings of “Moodle”' });
  await dialog.getByRole('tab', { name: lng === 'fa' ? 'اتصال' : 'Connection' }).click();
  return dialog;
}

test('should show the site name, release and allowed functions when the connection is tested in the settings dialog', async ({ page }, testInfo) => {
  await page.goto('/');
  await expect(page.getByRole('article', { name: 'مودل', exact: true }).getByText('نسخهٔ نمایشی', { exact: true })).toBeVisible();
  const dialog = await openConnection(page);
  await expect(dialog.getByLabel('توکن وب‌سرویس')).toHaveValue('');
  await page.screenshot({ path: testInfo.outputPath('moodle-connection-form-fa.png') });

  await dialog.getByRole('button', { name: 'آزمایش اتصال' }).click();

  await expect(dialog.getByText(SITE_NAME)).toBeVisible();
  await expect(dialog.getByText('4.3 (Build: 20231009)')).toBeVisible();
  await expect(dialog.getByText('۵ از ۵ تابع لازم مجاز است')).toBeVisible();
  await expect(dialog.getByText('core_course_get_contents')).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath('moodle-connection-dialog-fa.png') });
  await dialog.getByRole('button', { name: 'بستن', exact: true }).click();

  await page.getByRole('button', { name: 'English' }).click();
  const enDialog = await openConnection(page, 'en');
  await enDialog.getByRole('button', { name: 'Test connection' }).click();
  await expect(enDialog.getByText('5 of 5 needed functions allowed')).toBeVisible();
  await expect(enDialog.getByText(SITE_NAME)).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath('moodle-connection-dialog-en.png') });
  await enDialog.getByRole('button', { name: 'Close', exact: true }).click();
  await page.getByRole('button', { name: 'فارسی' }).click();
});

test('should test a typed token before it is saved and keep the stored one when the dialog is closed', async ({ page, request }) => {
  const before = (await (await request.get('/api/sources/moodle')).json()) as Source;
  await page.goto('/');
  const dialog = await openConnection(page);

  await dialog.getByLabel('توکن وب‌سرویس').fill('not-a-real-token');
  await dialog.getByRole('button', { name: 'آزمایش اتصال' }).click();

  await expect(dialog.getByText('آزمایش ناموفق بود (خطای احراز هویت).')).toBeVisible();
  await expect(dialog.getByText(/invalidtoken/)).toBeVisible();
  await dialog.getByRole('button', { name: 'بستن', exact: true }).click();
  // The typed token is an unsaved change: closing asks first, and discarding keeps the stored one.
  const prompt = page.getByRole('dialog', { name: 'تغییرات ذخیره‌نشده کنار گذاشته شود؟' });
  await expect(prompt).toContainText('هنوز ذخیره نشده: اتصال.');
  await prompt.getByRole('button', { name: 'کنار گذاشتن تغییرات' }).click();
  await expect(page.getByRole('dialog')).toBeHidden();
  const after = (await (await request.get('/api/sources/moodle')).json()) as Source;
  expect(after.connection).toEqual(before.connection);
  expect(after.updatedAt).toBe(before.updatedAt);
});

test('should say which functions are missing when the token may not call them', async ({ page, request }) => {
  await setMoodleFaults(request, { withoutFunctions: ['core_enrol_get_enrolled_users'] });
  await page.goto('/');
  const dialog = await openConnection(page);

  await dialog.getByRole('button', { name: 'آزمایش اتصال' }).click();

  await expect(dialog.getByText('آزمایش ناموفق بود (خطای احراز هویت).')).toBeVisible();
  await expect(dialog.getByText('۴ از ۵ تابع لازم مجاز است')).toBeVisible();
});

test('should sync Moodle and show its stages change from connecting to completed', async ({ page, request }, testInfo) => {
  // Every web-service call waits, so each stage stays on screen long enough to be seen.
  await setMoodleFaults(request, { delayMs: 700 });
  await page.goto('/');
  const card = page.getByRole('article', { name: 'مودل', exact: true });

  await card.getByRole('button', { name: 'همگام‌سازی' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'تأیید' }).click();

  const progress = card.getByRole('progressbar');
  await expect(progress).toBeVisible();
  await expect(card.getByText('دریافت درس‌ها', { exact: true })).toBeVisible();
  await expect(card.getByText('تحلیل محتوای درس‌ها', { exact: true })).toBeVisible();
  await expect(card.getByText(/^درس [۰-۹]+ از ۱۲$/)).toBeVisible();
  await card.screenshot({ path: testInfo.outputPath('moodle-analysing-fa.png') });

  await waitForLatestRun(request, 'moodle', 'success');
  await expect(progress).toBeHidden();
  await expect(card.getByText('موفق', { exact: true }).first()).toBeVisible();
  const run = (await (await request.get('/api/runs?sourceId=moodle&pageSize=1')).json()).items[0];
  expect(run).toMatchObject({ stage: 'completed', percent: 100, errorMessage: null });
  // The dashboard's health spec may have synced Moodle before: what the run read is stored, new or not.
  expect(run.counts.fetched).toBeGreaterThan(0);
  expect(run.counts.inserted + run.counts.updated + run.counts.unchanged).toBeGreaterThan(0);
});

test('should browse the Moodle record tables as tabs, search courses and switch tables with the keyboard, in fa and en', async ({
  page,
  request,
}, testInfo) => {
  await waitForLatestRun(request, 'moodle', 'success');
  const courses = (await (await request.get('/api/sources/moodle/records?pageSize=1')).json()) as RecordPage;
  const [course] = courses.items;
  await page.goto('/');
  await page.getByRole('article', { name: 'مودل', exact: true }).getByRole('link', { name: 'مرور داده‌ها' }).click();

  const tabs = page.getByRole('tablist', { name: 'جدول‌های «مودل»' });
  await expect(tabs.getByRole('tab', { name: 'درس‌ها' })).toHaveAttribute('aria-selected', 'true');
  const table = page.getByRole('table', { name: 'رکوردهای «مودل»' });
  await expect(table.getByRole('columnheader', { name: 'کاربران ثبت‌نام‌شده' })).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath('records-fa.png'), fullPage: true });

  await page.getByRole('searchbox', { name: 'جستجو' }).fill(course.fields.shortName!);
  await page.getByRole('button', { name: 'جستجو', exact: true }).click();
  await expect(table.getByRole('rowheader', { name: toPersianDigits(course.key), exact: true })).toBeVisible();
  await expect(page).toHaveURL(/[?&]q=/);

  // In RTL the next tab is to the left.
  await tabs.getByRole('tab', { name: 'درس‌ها' }).focus();
  await page.keyboard.press('ArrowLeft');
  await expect(tabs.getByRole('tab', { name: 'کاربران' })).toHaveAttribute('aria-selected', 'true');
  await expect(table.getByRole('columnheader', { name: 'شناسهٔ کاربر مودل' })).toBeVisible();
  await expect(page).toHaveURL(/[?&]table=users$/);

  await page.getByRole('button', { name: 'English' }).click();
  await page.getByRole('tab', { name: 'Courses' }).click();
  await expect(page.getByRole('table', { name: 'Records of “Moodle”' }).getByRole('columnheader', { name: 'Enrolled users' })).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath('records-en.png'), fullPage: true });
  await page.getByRole('button', { name: 'فارسی' }).click();
});
