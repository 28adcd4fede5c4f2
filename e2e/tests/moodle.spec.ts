import { expect, test } from '@playwright/test';
import { setMoodleFaults, waitForLatestRun } from '../fixtures/app';

const SITE_NAME = 'سامانهٔ آموزش مجازی دانشگاه (نمایشی)';

test.afterEach(async ({ request }) => {
  await setMoodleFaults(request, {});
});

test('should show the site name, release and allowed functions when the Moodle connection is tested', async ({ page }, testInfo) => {
  await page.goto('/');
  const card = page.getByRole('article', { name: 'مودل', exact: true });
  await expect(card.getByText('نسخهٔ نمایشی', { exact: true })).toBeVisible();

  await card.getByRole('button', { name: 'آزمایش اتصال' }).click();

  await expect(card.getByText(SITE_NAME)).toBeVisible();
  await expect(card.getByText('4.3 (Build: 20231009)')).toBeVisible();
  await expect(card.getByText('۵ از ۵ تابع لازم مجاز است')).toBeVisible();
  await expect(card.getByText('core_course_get_contents')).toBeVisible();
  await card.screenshot({ path: testInfo.outputPath('moodle-test-connection-fa.png') });

  await page.getByRole('button', { name: 'English' }).click();
  const enCard = page.getByRole('article', { name: 'Moodle', exact: true });
  await enCard.getByRole('button', { name: 'Test connection' }).click();
  await expect(enCard.getByText('5 of 5 needed functions allowed')).toBeVisible();
  await expect(enCard.getByText(SITE_NAME)).toBeVisible();
  await page.getByRole('button', { name: 'فارسی' }).click();
});

test('should say which functions are missing when the token may not call them', async ({ page, request }) => {
  await setMoodleFaults(request, { withoutFunctions: ['core_enrol_get_enrolled_users'] });
  await page.goto('/');
  const card = page.getByRole('article', { name: 'مودل', exact: true });

  await card.getByRole('button', { name: 'آزمایش اتصال' }).click();

  await expect(card.getByText('آزمایش ناموفق بود (خطای احراز هویت).')).toBeVisible();
  await expect(card.getByText('۴ از ۵ تابع لازم مجاز است')).toBeVisible();
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
  expect(run.counts.inserted).toBeGreaterThan(0);
});
