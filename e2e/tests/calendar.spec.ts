import { expect, test } from '@playwright/test';
import type { AcademicCalendar, Source } from '@hamgam/shared';

test.describe('the academic calendar', () => {
  test('should let an admin add a closure in Persian, save it and find it again after a reload', async ({ page, request }) => {
    await page.goto('/');
    await page.getByRole('navigation', { name: 'ناوبری اصلی' }).getByRole('link', { name: 'تقویم آموزشی' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'تقویم آموزشی' })).toBeVisible();
    await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');

    const closures = page.getByRole('region', { name: 'تعطیلی‌ها' });
    // Counted once the calendar is shown (saved or pre-filled with the official holidays), not while it loads.
    await expect(closures.getByRole('textbox', { name: /^نام تعطیلی/ }).first()).toBeVisible();
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

  test('should move the next run of a daily schedule that skips closures past a closure added on the Calendar page', async ({ page, request }, testInfo) => {
    const calendarBefore = (await (await request.get('/api/calendar')).json()) as AcademicCalendar;
    const faculty = async () => ((await (await request.get('/api/sources/faculty')).json()) as Source).autoSync;
    try {
      await page.goto('/');
      const card = page.getByRole('article', { name: 'اعضای هیئت علمی', exact: true });
      await card.getByRole('button', { name: 'تنظیمات', exact: true }).click();
      const dialog = page.getByRole('dialog', { name: 'تنظیمات «اعضای هیئت علمی»' });
      await dialog.getByRole('switch', { name: 'همگام‌سازی خودکار' }).check();
      await dialog.getByRole('textbox', { name: 'هر', exact: true }).fill('۱');
      await dialog.getByRole('combobox', { name: 'واحد', exact: true }).selectOption('days');
      await dialog.getByRole('checkbox', { name: 'در تعطیلی‌های تقویم آموزشی اجرا نشود' }).check();
      await expect(dialog.getByRole('list', { name: 'سه اجرای بعدی' }).getByRole('listitem').first()).toContainText('(عادی)');
      await page.screenshot({ path: testInfo.outputPath('schedule-calendar-fa.png'), fullPage: true });
      await dialog.getByRole('button', { name: 'ذخیره', exact: true }).click();
      await expect(dialog.getByRole('status').filter({ hasText: 'ذخیره شد.' })).toBeVisible();
      const regular = await faculty();
      expect(regular).toMatchObject({ enabled: true, skipClosures: true, nextRunReason: 'regular' });

      // The Jalali day of the next run, in Tehran, as the Calendar page takes it.
      const parts = new Intl.DateTimeFormat('en-u-ca-persian-nu-latn', {
        timeZone: 'Asia/Tehran',
        year: 'numeric',
        month: '2-digit',
        day: '2-digit',
      }).formatToParts(new Date(regular.nextRunAt!));
      const part = (type: string) => parts.find((item) => item.type === type)!.value;
      const day = `${part('year').replace(/\D/g, '')}/${part('month')}/${part('day')}`;

      await page.goto('/');
      await page.getByRole('navigation', { name: 'ناوبری اصلی' }).getByRole('link', { name: 'تقویم آموزشی' }).click();
      const closures = page.getByRole('region', { name: 'تعطیلی‌ها' });
      // Counted once the calendar is shown (saved or pre-filled with the official holidays), not while it loads.
      await expect(closures.getByRole('textbox', { name: /^نام تعطیلی/ }).first()).toBeVisible();
      const number = new Intl.NumberFormat('fa-IR').format((await closures.getByRole('textbox', { name: /^نام تعطیلی/ }).count()) + 1);
      await closures.getByRole('button', { name: 'افزودن تعطیلی' }).click();
      await page.getByLabel(`نام تعطیلی ${number}`).fill('تعطیلی آزمایشی');
      await page.getByLabel(`روز اول تعطیلی ${number}`).fill(day);
      await page.getByLabel(`روز آخر تعطیلی ${number}`).fill(day);
      await page.getByRole('button', { name: 'ذخیرهٔ تقویم' }).click();
      await expect(page.getByRole('status').filter({ hasText: 'ذخیره شد' })).toBeVisible();

      const moved = await faculty();
      expect(moved.nextRunReason).toBe('closure:تعطیلی آزمایشی');
      expect(new Date(moved.nextRunAt!).getTime()).toBeGreaterThan(new Date(regular.nextRunAt!).getTime());
      await page.goto('/');
      const section = page.getByRole('article', { name: 'اعضای هیئت علمی', exact: true }).getByRole('region', { name: 'همگام‌سازی خودکار' });
      await expect(section).toContainText('(پس از تعطیلی «تعطیلی آزمایشی»)');
      await page.screenshot({ path: testInfo.outputPath('schedule-card-closure-fa.png'), fullPage: true });
    } finally {
      // Other specs share the server: the calendar and the schedule as they were.
      const { terms, closures } = calendarBefore;
      expect((await request.put('/api/calendar', { data: { terms, closures } })).ok()).toBe(true);
      const restored = await request.patch('/api/sources/faculty', {
        data: { autoSync: { enabled: false, every: 1, unit: 'days', quietWindow: null, skipClosures: false, inTerm: null } },
      });
      expect(restored.ok()).toBe(true);
    }
  });
});
