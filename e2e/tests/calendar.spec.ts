import { expect, test } from '@playwright/test';
import type { AcademicCalendar } from '@hamgam/shared';

test.describe('the academic calendar', () => {
  test('should let an admin add a closure in Persian, save it and find it again after a reload', async ({ page, request }) => {
    await page.goto('/');
    await page.getByRole('navigation', { name: 'ناوبری اصلی' }).getByRole('link', { name: 'تقویم آموزشی' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'تقویم آموزشی' })).toBeVisible();
    await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');

    const closures = page.getByRole('region', { name: 'تعطیلی‌ها' });
    const before = await closures.getByRole('textbox', { name: /^نام تعطیلی/ }).count();
    const number = new Intl.NumberFormat('fa-IR').format(before + 1);
    await closures.getByRole('button', { name: 'افزودن تعطیلی' }).click();
    await page.getByLabel(`نام تعطیلی ${number}`).fill('تاسوعا و عاشورا');
    await page.getByLabel(`روز اول تعطیلی ${number}`).fill('۱۴۰۵/۰۴/۰۴');
    await page.getByLabel(`روز آخر تعطیلی ${number}`).fill('۱۴۰۵/۰۴/۰۵');
    await page.getByRole('button', { name: 'ذخیرهٔ تقویم' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'ذخیره شد' })).toBeVisible();

    await expect
      .poll(async () => ((await (await request.get('/api/calendar')).json()) as AcademicCalendar).closures.find((c) => c.name === 'تاسوعا و عاشورا') ?? null)
      .toEqual({ name: 'تاسوعا و عاشورا', start: '1405-04-04', end: '1405-04-05' });

    await page.reload();
    const row = page
      .getByRole('region', { name: 'تعطیلی‌ها' })
      .getByRole('row')
      .filter({ has: page.locator('input[value="تاسوعا و عاشورا"]') });
    await expect(row).toHaveCount(1);
    await expect(row.getByRole('textbox').nth(1)).toHaveValue('۱۴۰۵/۰۴/۰۴');
    await expect(row.getByRole('textbox').nth(2)).toHaveValue('۱۴۰۵/۰۴/۰۵');
    await expect(page.getByRole('note')).toHaveCount(0);
  });
});
