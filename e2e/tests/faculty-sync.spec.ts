import { expect, test } from '@playwright/test';
import { isVazirmatnLoaded, setGatewayFaults, todayInTehran, waitForLatestRun } from '../fixtures/app';

test.afterEach(async ({ request }) => {
  await setGatewayFaults(request, {});
});

test('should sync faculty from the Persian panel and show progress, then success with counts and a Jalali date', async ({ page, request }, testInfo) => {
  await page.goto('/');
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  await expect(page.locator('html')).toHaveAttribute('lang', 'fa');
  await expect(page.getByRole('heading', { level: 1, name: 'منابع' })).toBeVisible();
  expect(await isVazirmatnLoaded(page)).toBe(true);

  const card = page.getByRole('article', { name: 'اعضای هیئت علمی', exact: true });
  await expect(card.getByText('نسخهٔ نمایشی', { exact: true })).toBeVisible();

  // A slow gateway keeps the run visibly in progress long enough to see it.
  await setGatewayFaults(request, { delayMs: 2500 });
  await card.getByRole('button', { name: 'همگام‌سازی' }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog).toBeVisible();
  await dialog.getByRole('button', { name: 'تأیید' }).click();

  const progress = card.getByRole('progressbar');
  await expect(progress).toBeVisible();
  await expect(card.getByRole('button', { name: 'لغو اجرا' })).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath('faculty-progress-fa.png'), fullPage: true });

  await waitForLatestRun(request, 'faculty', 'success');
  await expect(progress).toBeHidden();
  await expect(card.getByText('موفق', { exact: true }).first()).toBeVisible();
  await expect(card.getByText('۲۴۰').first()).toBeVisible();
  await expect(card.getByText(todayInTehran('fa'), { exact: false }).first()).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath('dashboard-fa.png'), fullPage: true });

  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.locator('html')).toHaveAttribute('dir', 'ltr');
  const enCard = page.getByRole('article', { name: 'Faculty members', exact: true });
  await expect(enCard.getByText('Succeeded', { exact: true }).first()).toBeVisible();
  await expect(enCard.getByText('240').first()).toBeVisible();
  await expect(enCard.getByText(todayInTehran('en'), { exact: false }).first()).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath('dashboard-en.png'), fullPage: true });

  // The choice of language survives a reload.
  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await page.getByRole('button', { name: 'فارسی' }).click();
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
});

test('should cancel a running faculty sync from the panel', async ({ page, request }) => {
  await setGatewayFaults(request, { delayMs: 30_000 });
  await page.goto('/');
  const card = page.getByRole('article', { name: 'اعضای هیئت علمی', exact: true });
  await card.getByRole('button', { name: 'همگام‌سازی' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'تأیید' }).click();
  await expect(card.getByRole('progressbar')).toBeVisible();

  await card.getByRole('button', { name: 'لغو اجرا' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'بله، اجرا لغو شود' }).click();

  await waitForLatestRun(request, 'faculty', 'cancelled');
  await expect(card.getByText('لغوشده', { exact: true }).first()).toBeVisible();
});

test('should run the legacy script source and show its record count', async ({ page, request }) => {
  await page.goto('/');
  const card = page.getByRole('article', { name: 'اسکریپت قدیمی اعضای هیئت علمی', exact: true });
  await card.getByRole('button', { name: 'همگام‌سازی' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'تأیید' }).click();

  await waitForLatestRun(request, 'legacy-faculty', 'success');
  await expect(card.getByText('موفق', { exact: true }).first()).toBeVisible();
  await expect(card.getByText('۲۴۰').first()).toBeVisible();

  // What the script runs is shown, read-only: the server's configuration sets it.
  await card.getByRole('button', { name: 'تنظیمات' }).click();
  const settings = page.getByRole('dialog');
  await settings.getByRole('tab', { name: 'فرمان' }).click();
  const panel = settings.getByRole('tabpanel');
  await expect(panel.getByText(/پیکربندی سرور/)).toBeVisible();
  await expect(panel.getByText('python3', { exact: true })).toBeVisible();
  await expect(panel.getByRole('textbox')).toHaveCount(0);
});
