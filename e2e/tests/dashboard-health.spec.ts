import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import type { Source } from '@hamgam/shared';
import { setGatewayFaults, waitForLatestRun } from '../fixtures/app';

// Faculty fails (the stand-in gateway refuses every login) and Moodle turns late (a max age of one second after a
// successful run, with a daily schedule that never fires here). Both are put back afterwards for the other specs.

const SHOTS = process.env.HEALTH_SHOTS_DIR;

async function healthOf(request: APIRequestContext, sourceId: string): Promise<string> {
  return ((await (await request.get(`/api/sources/${sourceId}`)).json()) as Source).health.state;
}

async function runAndWait(request: APIRequestContext, sourceId: string, status: string): Promise<void> {
  const response = await request.post(`/api/sources/${sourceId}/runs`, { data: { trigger: 'manual' } });
  expect(response.status()).toBe(202);
  await waitForLatestRun(request, sourceId, status);
}

/** The whole page on a desktop; on a phone what the first screen shows. */
async function shoot(page: Page, name: string, testInfo: { outputPath: (name: string) => string }, fullPage = true): Promise<void> {
  await page.screenshot({ path: testInfo.outputPath(name), fullPage });
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/${name}`, fullPage });
}

const rowOf = (page: Page, table: string, source: string) =>
  page
    .getByRole('table', { name: table })
    .getByRole('row')
    .filter({ has: page.getByRole('rowheader', { name: source, exact: true }) });

test.beforeAll(async ({ request }) => {
  await setGatewayFaults(request, { loginFails: true });
  await runAndWait(request, 'faculty', 'failed');
  // Two runs, so the durations sparkline has a line to draw.
  await runAndWait(request, 'moodle', 'success');
  await runAndWait(request, 'moodle', 'success');
  const response = await request.patch('/api/sources/moodle', {
    data: { autoSync: { enabled: true, every: 1, unit: 'days' }, freshness: { maxAgeSeconds: 1 } },
  });
  expect(response.ok()).toBe(true);
  await expect.poll(() => healthOf(request, 'faculty')).toBe('failing');
  await expect.poll(() => healthOf(request, 'moodle')).toBe('late');
});

test.afterAll(async ({ request }) => {
  const response = await request.patch('/api/sources/moodle', { data: { autoSync: { enabled: false }, freshness: { maxAgeSeconds: null } } });
  expect(response.ok()).toBe(true);
  await setGatewayFaults(request, {});
  await runAndWait(request, 'faculty', 'success');
});

test('should show the failing and the late source in the Persian table and count them in the header', async ({ page }, testInfo) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.goto('/');
  const table = 'همهٔ منابع در یک نگاه';
  const faculty = rowOf(page, table, 'اعضای هیئت علمی');
  await expect(faculty.getByText('دچار خطا', { exact: true })).toBeVisible();
  await expect(faculty.getByText('ناموفق', { exact: true })).toBeVisible();
  await expect(faculty).toContainText('زمان‌بندی نشده');
  const moodle = rowOf(page, table, 'مودل');
  await expect(moodle.getByText('عقب‌افتاده', { exact: true })).toBeVisible();
  await expect(moodle.getByText('موفق', { exact: true })).toBeVisible();
  await expect(moodle.getByText(/^[۰-۹٬]+$/)).toBeVisible();
  await expect(moodle.getByRole('img', { name: /مدت ۲ اجرای اخیر/ })).toBeVisible();
  await expect(page.getByRole('link', { name: '۲ رخداد باز' })).toBeVisible();
  await shoot(page, 'dashboard-health-fa-1366.png', testInfo);

  // One line per source: ten of them fit the first screen of a 1366×768 display (the demo has five).
  const rows = await page
    .getByRole('table', { name: table })
    .locator('tbody tr')
    .evaluateAll((elements) => elements.map((element) => element.getBoundingClientRect()).map(({ top, height }) => ({ top, height })));
  const tallest = Math.max(...rows.map((row) => row.height));
  expect(rows[0].top + 10 * tallest).toBeLessThanOrEqual(768);

  // On a phone the table scrolls inside its card; the page itself does not scroll sideways.
  await page.setViewportSize({ width: 390, height: 844 });
  await expect(page.getByRole('link', { name: '۲ رخداد باز' })).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await shoot(page, 'dashboard-health-fa-390.png', testInfo, false);

  // The open incidents (faculty failing, Moodle late) are counted in the header of every page.
  await page.goto('/history');
  await expect(page.getByRole('link', { name: '۲ رخداد باز' })).toBeVisible();
});

test('should show the same states in English, left to right', async ({ page }, testInfo) => {
  await page.addInitScript(() => window.localStorage.setItem('hamgam.language', 'en'));
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.goto('/');
  const table = 'All sources at a glance';
  await expect(rowOf(page, table, 'Faculty members').getByText('Failing', { exact: true })).toBeVisible();
  await expect(rowOf(page, table, 'Moodle').getByText('Late', { exact: true })).toBeVisible();
  await expect(rowOf(page, table, 'Moodle').getByText(/ago$/)).toBeVisible();
  await expect(page.getByRole('link', { name: '2 open incidents' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('dir', 'ltr');
  await shoot(page, 'dashboard-health-en-1366.png', testInfo);

  await page.setViewportSize({ width: 390, height: 844 });
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await shoot(page, 'dashboard-health-en-390.png', testInfo, false);
});
