import { expect, request as apiRequest, test, type Page } from '@playwright/test';
import { setGatewayFaults, waitForLatestRun } from '../fixtures/app';
import { ADMIN_STATE } from '../fixtures/users';

const LANGUAGES = ['fa', 'en'] as const;
const PAGES = ['/history', '/audit'] as const;

test.beforeAll(async ({ baseURL }) => {
  // A failed run with a long error, a good one, and the audit entries both leave behind.
  const request = await apiRequest.newContext({ baseURL, storageState: ADMIN_STATE });
  await setGatewayFaults(request, { loginFails: true });
  expect((await request.post('/api/sources/faculty/runs', { data: { trigger: 'manual', reason: 'e2e: a long reason to wrap on a phone' } })).status()).toBe(
    202,
  );
  await waitForLatestRun(request, 'faculty', 'failed');
  await setGatewayFaults(request, {});
  expect((await request.post('/api/sources/faculty/runs', { data: { trigger: 'manual' } })).status()).toBe(202);
  await waitForLatestRun(request, 'faculty', 'success');
  await request.dispose();
});

async function open(page: Page, path: string, language: 'fa' | 'en'): Promise<void> {
  await page.addInitScript((lng) => localStorage.setItem('hamgam.language', lng), language);
  await page.goto(path);
  await expect(page.locator('html')).toHaveAttribute('lang', language);
  await expect(page.locator('.table-scroll table').first()).toBeVisible();
}

/**
 * How far each cell's content sits from its cell's start edge (right in RTL, left in LTR), for the header and the
 * first rows; an empty cell (a successful run's outcome) has no content to place and counts as aligned.
 */
async function startGaps(page: Page): Promise<{ header: number[]; cells: number[] }> {
  return page
    .locator('.table-scroll table')
    .first()
    .evaluate((table) => {
      const isRtl = getComputedStyle(table).direction === 'rtl';
      // The text itself, not the boxes around it: a block with its own direction fills the cell whatever its text does.
      const gap = (cell: Element) => {
        const box = cell.getBoundingClientRect();
        const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
        const edges: number[] = [];
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          if (!node.textContent?.trim()) continue;
          // Text in a padded inline box (a badge, a sort button) is placed by its box.
          const parent = node.parentElement!;
          const range = document.createRange();
          range.selectNodeContents(node);
          const rects = getComputedStyle(parent).display.startsWith('inline-') ? [parent.getBoundingClientRect()] : [...range.getClientRects()];
          for (const rect of rects) if (rect.width > 0) edges.push(isRtl ? rect.right : rect.left);
        }
        if (edges.length === 0) return 0;
        const padding = parseFloat(getComputedStyle(cell).paddingInlineStart);
        return Math.round(isRtl ? box.right - padding - Math.max(...edges) : Math.min(...edges) - box.left - padding);
      };
      const header = [...table.querySelectorAll('thead th')].map(gap);
      const cells = [...table.querySelectorAll('tbody tr:nth-child(-n + 3) > *')].map(gap);
      return { header, cells };
    });
}

for (const language of LANGUAGES) {
  for (const path of PAGES) {
    test.describe(`${path} in ${language} on a 390 px phone`, () => {
      test.use({ viewport: { width: 390, height: 844 } });

      test('should fit the screen, the table scrolling inside its card', async ({ page }) => {
        await open(page, path, language);

        const widths = await page.evaluate(() => ({
          page: document.scrollingElement!.scrollWidth,
          screen: innerWidth,
          table: document.querySelector('.table-scroll')!.scrollWidth,
          card: document.querySelector('.table-scroll')!.clientWidth,
        }));
        expect(widths.page).toBeLessThanOrEqual(widths.screen);
        expect(widths.table).toBeGreaterThan(widths.card);
      });
    });

    test(`should line every cell of ${path} up with its header in ${language}`, async ({ page }) => {
      await open(page, path, language);

      const { header, cells } = await startGaps(page);
      expect(cells.length).toBeGreaterThanOrEqual(header.length);
      for (const gap of [...header, ...cells]) expect(Math.abs(gap)).toBeLessThanOrEqual(2);
    });
  }

  test(`should keep the export buttons clear of the date picker and close it on Escape in ${language}`, async ({ page }) => {
    await open(page, '/history', language);
    const exports = page.locator('.history__exports');
    const field = page.locator('.date-range__input');

    await field.click();
    const calendar = page.locator('.rmdp-calendar');
    await expect(calendar).toBeVisible();
    const [calendarBox, exportsBox] = [await calendar.boundingBox(), await exports.boundingBox()];
    const overlaps =
      calendarBox!.x < exportsBox!.x + exportsBox!.width &&
      exportsBox!.x < calendarBox!.x + calendarBox!.width &&
      calendarBox!.y < exportsBox!.y + exportsBox!.height &&
      exportsBox!.y < calendarBox!.y + calendarBox!.height;
    expect(overlaps).toBe(false);

    await page.keyboard.press('Escape');
    await expect(calendar).toBeHidden();
    await expect(field).toBeFocused();
  });
}

// Pages whose tables hold form fields (the calendar's dates) or wide text (deliveries' errors): the page itself never
// scrolls sideways on a phone.
for (const language of LANGUAGES) {
  for (const path of ['/calendar', '/alerts'] as const) {
    test(`should keep ${path} within a 390 px phone in ${language}`, async ({ page }) => {
      await page.setViewportSize({ width: 390, height: 844 });
      await page.addInitScript((lng) => localStorage.setItem('hamgam.language', lng), language);
      await page.goto(path);
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
      await expect(page.locator('[aria-busy="true"]')).toHaveCount(0);
      await expect(page.getByRole('heading', { level: 2 }).first()).toBeVisible();
      expect(await page.evaluate(() => document.scrollingElement!.scrollWidth - innerWidth)).toBeLessThanOrEqual(0);
    });
  }
}
