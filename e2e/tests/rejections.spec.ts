import { expect, test, type APIRequestContext } from '@playwright/test';
import type { Page, RunRejection } from '@hamgam/shared';
import { waitForLatestRun } from '../fixtures/app';

const toPersianDigits = (text: string) => text.replace(/\d/g, (d) => '۰۱۲۳۴۵۶۷۸۹'[Number(d)]);

/** A full students run (the stand-in refuses a few national codes, the same student in several terms), seeded through the API. */
async function runStudents(request: APIRequestContext): Promise<string> {
  expect((await request.post('/api/sources/students/runs', { data: { trigger: 'manual', mode: 'full' } })).status()).toBe(202);
  await waitForLatestRun(request, 'students', 'success');
  const runs = (await (await request.get('/api/runs?sourceId=students&pageSize=1')).json()) as Page<{ id: string }>;
  return runs.items[0].id;
}

test('should list a students run’s rejected records once per student with their terms, in Persian, searched, exported and linked to the record', async ({
  page,
  request,
}) => {
  const runId = await runStudents(request);
  const all = (await (await request.get(`/api/runs/${runId}/rejections?pageSize=200`)).json()) as Page<RunRejection>;
  const student = all.items.find((item) => item.terms.length > 1 && item.table === 'students');
  expect(student, 'a student refused in more than one term').toBeDefined();
  const value = String(student!.reasons[0].params.value);

  await page.goto(`/runs/${runId}`);
  const section = page.getByRole('region', { name: 'رکوردهای ردشده' });
  await expect(section.getByRole('status')).toHaveText(`${toPersianDigits(String(all.total))} رکورد رد شد`);
  const row = section.getByRole('row').filter({ has: page.getByRole('link', { name: student!.key }) });
  await expect(row).toHaveCount(1);
  await expect(row).toContainText(`کد ملی ${toPersianDigits(value)} معتبر نیست`);
  await expect(row).toContainText(/(نیمسال اول|نیمسال دوم|تابستان) [۰-۹]{4}، /);

  await section.getByRole('searchbox', { name: 'جستجو در رکوردهای ردشده' }).fill(toPersianDigits(value));
  await section.getByRole('button', { name: 'جستجو', exact: true }).click();
  await expect(section.getByRole('status')).toHaveText('۱ رکورد رد شد');
  await expect(page).toHaveURL(/[?&]rejectionsQ=/);

  const csv = await section.getByRole('link', { name: 'خروجی CSV' }).getAttribute('href');
  expect(csv).toContain('lang=fa');
  const file = (await (await request.get(csv!)).text()).replace(/^\uFEFF/, '');
  expect(file.split('\n')[0]).toBe('شناسهٔ رکورد,نیمسال‌ها,دلیل‌ها');
  expect(file).toContain(student!.key);

  await section.getByRole('link', { name: student!.key }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'داده‌های «دانشجویان»' })).toBeVisible();
  await expect(page).toHaveURL(new RegExp(`[?&]q=${student!.key}`));
});

test.describe('on a 390 px phone', () => {
  test.use({ viewport: { width: 390, height: 844 } });

  test('should keep the rejected records inside the screen, the table scrolling in its card', async ({ page, request }) => {
    const runs = (await (await request.get('/api/runs?sourceId=students&status=success&pageSize=1')).json()) as Page<{ id: string }>;
    const runId = runs.items[0]?.id ?? (await runStudents(request));

    await page.goto(`/runs/${runId}`);
    const section = page.getByRole('region', { name: 'رکوردهای ردشده' });
    await expect(section.getByRole('table')).toBeVisible();

    const widths = await page.evaluate(() => ({ page: document.scrollingElement!.scrollWidth, screen: innerWidth }));
    expect(widths.page).toBeLessThanOrEqual(widths.screen);
  });
});
