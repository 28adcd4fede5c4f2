import { expect, test, type APIRequestContext } from '@playwright/test';
import type { Page, RecordPage, RunChangePage, SyncRun } from '@hamgam/shared';
import { GATEWAY_URL, waitForLatestRun } from '../fixtures/app';

const toPersianDigits = (text: string) => text.replace(/\d/g, (d) => '۰۱۲۳۴۵۶۷۸۹'[Number(d)]);

/** Runs the faculty source to its end through the API; answers the run. */
async function runFaculty(request: APIRequestContext): Promise<SyncRun> {
  expect((await request.post('/api/sources/faculty/runs', { data: { trigger: 'manual' } })).status()).toBe(202);
  await waitForLatestRun(request, 'faculty', 'success');
  return ((await (await request.get('/api/runs?sourceId=faculty&pageSize=1')).json()) as Page<SyncRun>).items[0];
}

/** A faculty run that inserted members: the server's first faculty run (run once here when no spec ran one before). */
async function insertingRun(request: APIRequestContext): Promise<SyncRun> {
  const find = async () =>
    ((await (await request.get('/api/runs?sourceId=faculty&status=success&pageSize=100')).json()) as Page<SyncRun>).items.find(
      (run) => run.counts.inserted > 0,
    );
  return (await find()) ?? (await runFaculty(request));
}

test('should read a run’s changes in Persian: a changed field old → new, filtered by kind in the URL, and the inserted keys searched', async ({
  page,
  request,
}) => {
  const first = await insertingRun(request);
  const records = (await (await request.get('/api/sources/faculty/records?table=members&pageSize=1')).json()) as RecordPage;
  const member = records.items[0];
  const newField = 'ریاضیات کاربردی';
  const changed = await request.post(`${GATEWAY_URL}/__control/faculty/update`, { data: { nationalcode: member.key, patch: { field: newField } } });
  expect(changed.ok()).toBe(true);
  const run = await runFaculty(request);
  const changes = (await (await request.get(`/api/runs/${run.id}/changes`)).json()) as RunChangePage;
  expect(changes.totals.updated).toBeGreaterThanOrEqual(1);

  await page.goto(`/runs/${run.id}`);
  const section = page.getByRole('region', { name: 'تغییرها' });
  await section.getByRole('combobox', { name: 'نوع تغییر' }).selectOption({ label: `به‌روزشده (${toPersianDigits(String(changes.totals.updated))})` });
  await expect(page).toHaveURL(/[?&]changesKind=updated/);
  const item = section.getByRole('listitem').filter({ has: page.getByRole('link', { name: toPersianDigits(member.key) }) });
  await expect(item).toHaveCount(1);
  await expect(item).toContainText('به‌روزشده');
  // The records page's column label, then the old value struck out and the new one.
  await expect(item.getByRole('term')).toHaveText('رشته');
  if (member.fields.field) await expect(item.getByRole('deletion')).toHaveText(member.fields.field);
  await expect(item.getByRole('insertion')).toHaveText(newField);

  await page.goto(`/runs/${first.id}`);
  const inserted = page.getByRole('region', { name: 'تغییرها' });
  await expect(inserted.getByRole('status')).toHaveText(`${toPersianDigits(first.counts.inserted.toLocaleString('en').replace(/,/g, '٬'))} تغییر`);
  await inserted.getByRole('searchbox', { name: 'جست‌وجو در تغییرها' }).fill(member.key);
  await inserted.getByRole('button', { name: 'جست‌وجو', exact: true }).click();
  await expect(inserted.getByRole('status')).toHaveText('۱ تغییر');
  await expect(page).toHaveURL(/[?&]changesQ=/);
  await expect(inserted.getByRole('listitem')).toContainText('افزوده');
});

test.describe('on a 390 px phone', () => {
  test.use({ viewport: { width: 390, height: 844 } });

  test('should keep a run’s changes inside the screen', async ({ page, request }) => {
    const run = await insertingRun(request);

    await page.goto(`/runs/${run.id}`);
    await expect(page.getByRole('region', { name: 'تغییرها' }).getByRole('listitem').first()).toBeVisible();

    const widths = await page.evaluate(() => ({ page: document.scrollingElement!.scrollWidth, screen: innerWidth }));
    expect(widths.page).toBeLessThanOrEqual(widths.screen);
  });
});
