import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import type { NotificationChannel, NotificationDelivery, Page as ListPage } from '@hamgam/shared';
import { setGatewayFaults, waitForLatestRun } from '../fixtures/app';

// A local webhook receiver hears the faculty source fail (the stand-in gateway refuses every login) and recover;
// the Alerts page then shows the channel, the incident and both deliveries, in Persian and in English.

const SHOTS = process.env.ALERTS_SHOTS_DIR;
const received: { event: string }[] = [];
let receiver: Server;
let receiverUrl: string;

async function runAndWait(request: APIRequestContext, sourceId: string, status: string): Promise<void> {
  const response = await request.post(`/api/sources/${sourceId}/runs`, { data: { trigger: 'manual' } });
  expect(response.status()).toBe(202);
  await waitForLatestRun(request, sourceId, status);
}

async function deliveries(request: APIRequestContext): Promise<NotificationDelivery[]> {
  return ((await (await request.get('/api/notifications/deliveries')).json()) as ListPage<NotificationDelivery>).items;
}

async function shoot(page: Page, name: string, testInfo: { outputPath: (name: string) => string }): Promise<void> {
  await page.screenshot({ path: testInfo.outputPath(name), fullPage: true });
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/${name}`, fullPage: true });
}

test.beforeAll(async ({ request }) => {
  receiver = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      received.push(JSON.parse(Buffer.concat(chunks).toString('utf8')) as { event: string });
      res.writeHead(204).end();
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hamgam`;
  const created = await request.post('/api/notifications/channels', {
    data: { kind: 'webhook', name: 'Ops hook', events: ['run.failed', 'source.recovered'], settings: { url: receiverUrl, secret: 'e2e-hook-secret' } },
  });
  expect(created.status()).toBe(201);
  await setGatewayFaults(request, { loginFails: true });
  await runAndWait(request, 'faculty', 'failed');
  await setGatewayFaults(request, {});
  await runAndWait(request, 'faculty', 'success');
  await expect.poll(() => received.map((body) => body.event)).toEqual(['run.failed', 'source.recovered']);
});

test.afterAll(async ({ request }) => {
  const channels = (await (await request.get('/api/notifications/channels')).json()) as NotificationChannel[];
  for (const channel of channels) expect((await request.delete(`/api/notifications/channels/${channel.id}`)).status()).toBe(204);
  await new Promise<void>((resolve) => receiver.close(() => resolve()));
});

test('should show the channel, its sent deliveries and the resolved incident in Persian, and send a test', async ({ page, request }, testInfo) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.goto('/');
  await page.getByRole('navigation', { name: 'ناوبری اصلی' }).getByRole('link', { name: 'هشدارها' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'هشدارها' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  const channel = page.getByRole('table', { name: 'کانال‌ها' }).getByRole('row').filter({ hasText: 'Ops hook' });
  await expect(channel.getByRole('switch', { name: 'Ops hook روشن' })).toBeChecked();
  const sent = page.getByRole('table', { name: 'ارسال‌های اخیر' });
  await expect(sent.getByRole('row').filter({ hasText: 'اجرای ناموفق' })).toContainText('فرستاده شد');
  await expect(sent.getByRole('row').filter({ hasText: 'منبع دوباره به‌روز' })).toContainText('فرستاده شد');

  await page.getByRole('button', { name: 'برطرف‌شده' }).click();
  const incident = page.getByRole('table', { name: 'رخدادها' }).getByRole('row').filter({ hasText: 'اعضای هیئت علمی' });
  await expect(incident).toContainText('دچار خطا');

  await channel.getByRole('button', { name: 'ارسال پیام آزمایشی به Ops hook' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'پیام آزمایشی به Ops hook' })).toBeVisible();
  await expect(sent.getByRole('row').filter({ hasText: 'آزمایشی' })).toContainText('فرستاده شد');
  await expect.poll(() => received.at(-1)?.event).toBe('test');
  await shoot(page, 'alerts-fa-1366.png', testInfo);
  expect((await deliveries(request)).filter((delivery) => delivery.status === 'sent')).toHaveLength(3);
});

test('should add a channel through the form in English, refuse a bad address by name, and delete it', async ({ page }, testInfo) => {
  await page.addInitScript(() => window.localStorage.setItem('hamgam.language', 'en'));
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.goto('/alerts');
  await expect(page.locator('html')).toHaveAttribute('dir', 'ltr');
  await page.getByRole('button', { name: 'Add channel' }).click();
  const dialog = page.getByRole('dialog', { name: 'Add an alert channel' });
  await dialog.getByLabel('Name').fill('Second hook');
  await dialog.getByLabel('Address (URL)').fill('ftp://example.org/hook');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog.getByText('must be an http(s) address')).toBeVisible();
  await dialog.getByLabel('Address (URL)').fill(receiverUrl);
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog).toBeHidden();
  const row = page.getByRole('table', { name: 'Channels' }).getByRole('row').filter({ hasText: 'Second hook' });
  await expect(row).toContainText('Run failed');
  await expect(page.getByRole('table', { name: 'Recent deliveries' }).getByRole('row').filter({ hasText: 'Run failed' })).toContainText('Sent');
  await shoot(page, 'alerts-en-1366.png', testInfo);

  await row.getByRole('button', { name: 'Delete Second hook' }).click();
  await page.getByRole('dialog', { name: 'Delete the channel Second hook?' }).getByRole('button', { name: 'Delete' }).click();
  await expect(row).toBeHidden();
});
