import { expect, test } from '@playwright/test';
import type { Source } from '@hamgam/shared';
import { setGatewayFaults, waitForLatestRun } from '../fixtures/app';

type RecordPage = { total: number; items: { key: string; name: string }[] };

const toArabicForms = (text: string) => text.replace(/ی/g, 'ي').replace(/ک/g, 'ك');
const toPersianDigits = (text: string) => text.replace(/\d/g, (d) => '۰۱۲۳۴۵۶۷۸۹'[Number(d)]);

test.afterEach(async ({ request }) => {
  await setGatewayFaults(request, {});
});

test('should sync students from the panel showing campus progress, then find a student typed with Arabic letters', async ({ page, request }) => {
  await page.goto('/');
  const card = page.getByRole('article', { name: 'دانشجویان', exact: true });
  await expect(card).toBeVisible();

  // A slower gateway keeps the 16 campuses × 15 terms long enough on screen to watch.
  await setGatewayFaults(request, { delayMs: 40 });
  await card.getByRole('button', { name: 'همگام‌سازی' }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog.getByRole('radio', { name: /^کامل/ })).toBeChecked();
  await dialog.getByRole('button', { name: 'تأیید' }).click();

  await expect(card.getByRole('progressbar')).toBeVisible();
  await expect(card.getByText(/پردیس [۰-۹]+ از ۱۶ \(.+\)، (نیمسال اول|نیمسال دوم|تابستان) [۰-۹]{4}/)).toBeVisible();

  await waitForLatestRun(request, 'students', 'success');
  await expect(card.getByText('موفق', { exact: true }).first()).toBeVisible();

  const stored = (await (await request.get(`/api/sources/students/records?q=${encodeURIComponent('کریمی')}&pageSize=1`)).json()) as RecordPage;
  expect(stored.total).toBeGreaterThan(0);
  const [student] = stored.items;
  expect(student.name).toMatch(/[یک]/);

  await card.getByRole('link', { name: 'مرور داده‌ها' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'داده‌های «دانشجویان»' })).toBeVisible();
  await page.getByRole('searchbox', { name: 'جستجو' }).fill(toArabicForms(student.name));
  await page.getByRole('button', { name: 'جستجو', exact: true }).click();

  const table = page.getByRole('table', { name: 'رکوردهای «دانشجویان»' });
  await expect(table.getByRole('rowheader', { name: toPersianDigits(student.key) })).toBeVisible();
  await expect(page).toHaveURL(/[?&]q=/);
  const row = table.getByRole('row').filter({ has: page.getByRole('rowheader', { name: toPersianDigits(student.key) }) });
  await row.getByText(/سابقهٔ نیمسال‌ها/).click();
  await expect(row.getByRole('table', { name: `سابقهٔ تحصیلی ${student.name}` })).toBeVisible();
});

test('should start a recent students run when Recent is chosen in the dialog', async ({ page, request }) => {
  await page.goto('/');
  const card = page.getByRole('article', { name: 'دانشجویان', exact: true });
  await expect(card.getByRole('button', { name: 'همگام‌سازی' })).toBeEnabled();
  await card.getByRole('button', { name: 'همگام‌سازی' }).click();
  await page.getByRole('dialog').getByRole('radio', { name: /^اخیر/ }).check();
  await page.getByRole('dialog').getByRole('button', { name: 'تأیید' }).click();
  await expect(page.getByRole('dialog')).toBeHidden();

  await waitForLatestRun(request, 'students', 'success');
  const latest = (await (await request.get('/api/runs?sourceId=students&pageSize=1')).json()) as { items: { mode: string; counts: { deleted: number } }[] };
  expect(latest.items[0]).toMatchObject({ mode: 'recent', counts: { deleted: 0 } });
});

test('should save an edited campus list from the settings dialog and refuse a line without a name', async ({ page, request }, testInfo) => {
  const before = (await (await request.get('/api/sources/students')).json()) as Source;
  const stored = before.options.campuses as { code: string; name: string }[];
  try {
    await page.goto('/');
    const card = page.getByRole('article', { name: 'دانشجویان', exact: true });
    await card.getByRole('button', { name: 'تنظیمات', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'تنظیمات «دانشجویان»' });
    await dialog.getByRole('tab', { name: 'پردیس‌ها و سال‌ها' }).click();
    const campuses = dialog.getByRole('textbox', { name: 'پردیس‌ها' });
    await expect(campuses).toHaveValue(new RegExp(`^${toPersianDigits(stored[0].code)} ${stored[0].name}\n`));
    await page.screenshot({ path: testInfo.outputPath('students-campuses-fa.png') });

    await campuses.fill(`${toPersianDigits(stored[0].code)} ${stored[0].name}\n9999`);
    await dialog.getByRole('button', { name: 'ذخیرهٔ پردیس‌ها و سال‌ها' }).click();
    await expect(dialog.getByText('خط ۲: نام پردیس نیامده است.')).toBeVisible();

    await campuses.fill(`${toPersianDigits(stored[0].code)} ${stored[0].name}\n${stored[1].code}\t${stored[1].name}`);
    await dialog.getByRole('textbox', { name: 'از سال' }).fill('۱۴۰۳');
    await dialog.getByRole('button', { name: 'ذخیرهٔ پردیس‌ها و سال‌ها' }).click();
    // Saved in place: the dialog stays open and closes without asking, nothing being left unsaved.
    await expect(dialog.getByRole('status').filter({ hasText: 'ذخیره شد.' })).toBeVisible();
    await dialog.getByRole('button', { name: 'بستن', exact: true }).click();
    await expect(dialog).toBeHidden();

    const after = (await (await request.get('/api/sources/students')).json()) as Source;
    expect(after.options).toMatchObject({ campuses: stored.slice(0, 2), fromYear: 1403 });
  } finally {
    const restored = await request.patch('/api/sources/students', { data: { options: { campuses: stored, fromYear: null } } });
    expect(restored.ok()).toBe(true);
  }
});
