import AxeBuilder from '@axe-core/playwright';
import { expect, test, type APIRequestContext } from '@playwright/test';
import { GATEWAY_URL, waitForLatestRun } from '../fixtures/app';

// 20 % of the stand-in's 240 members; a few of them are records the run rejects anyway, so fewer are held.
const REMOVED = 48;
const fa = (n: number) => new Intl.NumberFormat('fa-IR', { useGrouping: false }).format(n);

async function runFaculty(request: APIRequestContext, status: string): Promise<{ id: string; heldDeletions: number }> {
  expect((await request.post('/api/sources/faculty/runs', { data: { trigger: 'manual' } })).status()).toBe(202);
  await waitForLatestRun(request, 'faculty', status);
  return (await (await request.get('/api/runs?sourceId=faculty&pageSize=1')).json()).items[0];
}

test.afterAll(async ({ request }) => {
  // Every member back on the gateway and in the table, for the specs that follow.
  await request.post(`${GATEWAY_URL}/__control/reset`);
  await runFaculty(request, 'success');
});

test('should approve a held deletion from the run page in Persian and see the members deleted', async ({ page, request }, testInfo) => {
  await request.post(`${GATEWAY_URL}/__control/reset`);
  await runFaculty(request, 'success');
  // The gateway suddenly answers 20 % fewer members: more than the default guard (10 %) lets a run delete.
  await request.post(`${GATEWAY_URL}/__control/faculty/remove`, { data: { count: REMOVED } });
  const held = await runFaculty(request, 'awaiting_approval');
  const count = held.heldDeletions;
  expect(count).toBeGreaterThan(40);
  const [first] = (await (await request.get(`/api/runs/${held.id}/held-deletions?pageSize=1`)).json()).items as { key: string }[];

  await page.goto(`/runs/${held.id}`);
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  await expect(page.getByText('در انتظار تأیید حذف', { exact: true }).first()).toBeVisible();
  const panel = page.getByRole('region', { name: 'حذف‌های در انتظار تأیید' });
  await expect(panel.getByText(`${fa(count)} رکورد`, { exact: true })).toBeVisible();
  await panel.getByRole('searchbox', { name: 'جست‌وجو در رکوردهای نگه‌داشته' }).fill(first.key);
  await panel.getByRole('button', { name: 'جست‌وجو', exact: true }).click();
  await expect(panel.getByText('۱ رکورد', { exact: true })).toBeVisible();
  await expect(panel.getByRole('row')).toHaveCount(2);
  await page.screenshot({ path: testInfo.outputPath('held-deletions-fa.png'), fullPage: true });
  const axe = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  expect(axe.violations.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical').map((violation) => violation.id)).toEqual([]);

  await panel.getByRole('textbox', { name: 'دلیل (اختیاری)' }).fill('کاهش واقعی اعضا تأیید شد');
  await panel.getByRole('button', { name: `تأیید و حذف ${fa(count)} رکورد` }).click();

  await expect(panel.getByRole('status').filter({ hasText: 'تأیید کرد' })).toBeVisible();
  await expect(panel.getByRole('button', { name: /تأیید و حذف/ })).toBeHidden();
  await expect(page.getByText('موفق', { exact: true }).first()).toBeVisible();
  await expect
    .poll(async () => {
      const run = await (await request.get(`/api/runs/${held.id}`)).json();
      return [run.status, run.counts.deleted, run.deletionDecision?.kind];
    })
    .toEqual(['success', count, 'approved']);
  const stats = await (await request.get('/api/sources/faculty/stats')).json();
  expect(stats.tables[0].deleted).toBeGreaterThanOrEqual(count);
});
