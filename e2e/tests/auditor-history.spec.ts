import { readFileSync } from 'node:fs';
import { expect, request as apiRequest, test } from '@playwright/test';
import { setGatewayFaults, waitForLatestRun } from '../fixtures/app';
import { ADMIN_STATE } from '../fixtures/users';

const AUDITOR = { username: `auditor-${Date.now()}`, password: 'auditor-password-1', displayName: 'ممیز آزمون' };

/** Today's day of the month in Tehran, in the Jalali calendar with Persian digits (how the picker prints it). */
function jalaliDayToday(): string {
  return new Intl.DateTimeFormat('fa-IR-u-ca-persian', { timeZone: 'Asia/Tehran', day: 'numeric' }).format(new Date());
}

test.beforeAll(async ({ baseURL }) => {
  // Seeded through the API as the admin: an auditor, one failed run (the gateway refuses to log in) and one good run.
  const request = await apiRequest.newContext({ baseURL, storageState: ADMIN_STATE });
  expect((await request.post('/api/users', { data: { ...AUDITOR, role: 'auditor' } })).status()).toBe(201);
  await setGatewayFaults(request, { loginFails: true });
  expect((await request.post('/api/sources/faculty/runs', { data: { trigger: 'manual', reason: 'e2e: failing on purpose' } })).status()).toBe(202);
  await waitForLatestRun(request, 'faculty', 'failed');
  await setGatewayFaults(request, {});
  expect((await request.post('/api/sources/faculty/runs', { data: { trigger: 'manual' } })).status()).toBe(202);
  await waitForLatestRun(request, 'faculty', 'success');
  await request.dispose();
});

test.describe('an auditor', () => {
  test.use({ storageState: { cookies: [], origins: [] } });

  test('should sign in in Persian, filter history by a Jalali date range and status, read a failed run and export CSV in Persian, with no admin buttons', async ({
    page,
  }, testInfo) => {
    await page.goto('/history');
    await expect(page).toHaveURL(/\/login\?next=%2Fhistory/);
    await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
    await expect(page.getByRole('heading', { level: 1, name: 'ورود' })).toBeVisible();
    await page.getByLabel('نام کاربری').fill(AUDITOR.username);
    await page.getByLabel('گذرواژه').fill('wrong-password');
    await page.getByRole('button', { name: 'ورود' }).click();
    await expect(page.getByRole('alert')).toHaveText('نام کاربری یا گذرواژه نادرست است.');
    await page.getByLabel('گذرواژه').fill(AUDITOR.password);
    await page.getByRole('button', { name: 'ورود' }).click();

    await expect(page.getByRole('heading', { level: 1, name: 'تاریخچهٔ اجراها' })).toBeVisible();
    await expect(page.getByText(AUDITOR.displayName)).toBeVisible();
    await expect(page.getByRole('link', { name: 'کاربران' })).toHaveCount(0);

    // The Jalali picker: today, twice, is a one-day range.
    await page.getByLabel('بازهٔ تاریخ').click();
    const today = page.locator('.rmdp-day:not(.rmdp-deactive):not(.rmdp-day-hidden)').filter({ hasText: new RegExp(`^${jalaliDayToday()}$`) });
    await today.click();
    await today.click();
    await page.keyboard.press('Escape');
    await expect(page).toHaveURL(/from=\d{4}-\d\d-\d\d&to=\d{4}-\d\d-\d\d/);
    const failedList = page.waitForResponse((response) => response.url().includes('/api/runs?') && response.url().includes('status=failed'));
    await page.getByLabel('وضعیت').selectOption({ label: 'ناموفق' });
    await expect(page).toHaveURL(/status=failed/);
    // Specs before this one fail runs today too (alerts, dashboard health): as many rows as the server counts, the
    // newest being the run seeded above.
    const failedToday = ((await (await failedList).json()) as { total: number }).total;
    expect(failedToday).toBeGreaterThanOrEqual(1);

    const table = page.getByRole('table', { name: 'اجراها' });
    await expect(table.getByRole('row')).toHaveCount(failedToday + 1);
    await expect(table.getByText('ناموفق', { exact: true })).toHaveCount(failedToday);
    await expect(table.getByText('موفق', { exact: true })).toHaveCount(0);
    await page.screenshot({ path: testInfo.outputPath('history-auditor-fa.png'), fullPage: true });

    // The URL reproduces the view.
    const filteredUrl = page.url();
    await page.reload();
    await expect(page.getByRole('table', { name: 'اجراها' }).getByRole('row')).toHaveCount(failedToday + 1);
    expect(page.url()).toBe(filteredUrl);

    const download = page.waitForEvent('download');
    await page.getByRole('link', { name: 'خروجی CSV' }).click();
    const csv = readFileSync(await (await download).path());
    expect([...csv.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = csv.subarray(3).toString('utf8').trim().split('\n');
    // In the UI's language: Persian headers and values.
    expect(lines[0]).toMatch(/^شناسه,منبع,وضعیت,نوع شروع,شروع‌کننده,دلیل/);
    expect(lines).toHaveLength(failedToday + 1);
    expect(lines[1]).toContain(',اعضای هیئت علمی,ناموفق,دستی,');
    expect(lines[1]).toContain(',خطای احراز هویت,');

    await table
      .getByRole('link', { name: /^اجرای / })
      .first()
      .click();
    await expect(page.getByRole('heading', { level: 1, name: /^اجرای / })).toBeVisible();
    await expect(page.getByText('درگاه گلستان نام کاربری یا گذرواژه را نپذیرفت.')).toBeVisible();
    await expect(page.getByRole('link', { name: 'گذرواژه را در تنظیمات ← اتصال به‌روز کنید' })).toBeVisible();
    await expect(page.getByText('e2e: failing on purpose')).toBeVisible();
    const log = page.getByRole('region', { name: 'گزارش اجرا' });
    await expect(log.getByRole('listitem').first()).toBeVisible();
    await expect(log.getByRole('link', { name: 'دریافت گزارش' })).toBeVisible();
    await expect(page.getByRole('button', { name: 'لغو اجرا' })).toHaveCount(0);
    await expect(page.getByRole('button', { name: 'اجرای دوباره' })).toHaveCount(0);
    await page.screenshot({ path: testInfo.outputPath('failed-run-auditor-fa.png'), fullPage: true });
    // Back to the history with its filters.
    await page.getByRole('link', { name: 'بازگشت به تاریخچهٔ اجراها' }).click();
    expect(page.url()).toBe(filteredUrl);
    await expect(page.getByRole('table', { name: 'اجراها' }).getByRole('row')).toHaveCount(failedToday + 1);

    // The audit trail exports XLSX too, in the UI's language.
    await page.goto('/audit?action=login');
    const workbook = page.waitForEvent('download');
    await page.getByRole('link', { name: 'خروجی اکسل' }).click();
    expect((await workbook).suggestedFilename()).toBe('hamgam-audit.xlsx');
    expect(
      readFileSync(await (await workbook).path())
        .subarray(0, 2)
        .toString('latin1'),
    ).toBe('PK');

    await page.getByRole('navigation', { name: 'ناوبری اصلی' }).getByRole('link', { name: 'داشبورد' }).click();
    await expect(page.getByRole('article', { name: 'اعضای هیئت علمی', exact: true })).toBeVisible();
    await expect(page.getByRole('button', { name: 'همگام‌سازی' })).toHaveCount(0);
    await expect(page.getByRole('button', { name: 'لغو اجرا' })).toHaveCount(0);
  });
});
