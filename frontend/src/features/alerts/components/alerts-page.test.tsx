import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { Incident, NotificationChannel, NotificationDelivery, Page } from '@hamgam/shared';
import { errorBody, reply, stubApi } from '../../../testing/fetch-stub';
import { makeSource, makeUser } from '../../../testing/fixtures';
import { renderApp } from '../../../testing/render';

const hook: NotificationChannel = {
  id: '1',
  kind: 'webhook',
  name: 'Ops hook',
  events: ['run.failed', 'source.recovered'],
  enabled: true,
  failuresBeforeAlert: 1,
  remindAfterMinutes: null,
  longRunMinutes: null,
  settings: { url: 'https://hooks.example.org/x', hasSecret: true },
  createdAt: '2026-12-05T08:00:00Z',
  updatedAt: '2026-12-05T08:00:00Z',
};
const failedDelivery: NotificationDelivery = {
  id: '7',
  channelId: '1',
  channelName: 'Ops hook',
  channelKind: 'webhook',
  event: 'run.failed',
  sourceId: 'faculty',
  runId: '12',
  incidentId: '3',
  status: 'failed',
  attempts: 5,
  lastError: 'the receiver answered HTTP 500',
  createdAt: '2026-12-05T08:30:00Z',
  sentAt: null,
  nextAttemptAt: null,
};
const incident: Incident = {
  id: '3',
  sourceId: 'faculty',
  kind: 'failing',
  openedAt: '2026-12-05T08:30:00Z',
  lastSeenAt: '2026-12-05T09:30:00Z',
  resolvedAt: null,
  count: 2,
};
const page = <T,>(items: T[]): Page<T> => ({ items, total: items.length, page: 1, pageSize: 20 });

function routes(channels: NotificationChannel[] = [hook]) {
  return {
    'GET /api/sources': () => [makeSource({ id: 'faculty' })],
    'GET /api/notifications/channels': () => channels,
    'GET /api/notifications/deliveries': () => page([failedDelivery]),
    'GET /api/notifications/incidents': ({ query }: { query: URLSearchParams }) => page(query.get('status') === 'open' ? [incident] : []),
    'GET /api/notifications/incidents/summary': () => ({ open: 2 }),
  };
}

describe('Alerts page', () => {
  it('should list channels, open incidents and deliveries with tries and the last error, and count open incidents in the header (fa)', async () => {
    stubApi(routes());
    await renderApp({ route: '/alerts' });
    expect(await screen.findByRole('heading', { level: 1, name: 'هشدارها' })).toBeInTheDocument();
    const channels = await screen.findByRole('table', { name: 'کانال‌ها' });
    const row = within(channels).getAllByRole('row')[1];
    expect(within(row).getByRole('rowheader')).toHaveTextContent('Ops hook');
    expect(row).toHaveTextContent('اجرای ناموفق');
    expect(within(row).getByRole('switch', { name: 'Ops hook روشن' })).toBeChecked();
    const deliveries = await screen.findByRole('table', { name: 'ارسال‌های اخیر' });
    const delivery = within(deliveries).getAllByRole('row')[1];
    expect(delivery).toHaveTextContent('ناموفق');
    expect(delivery).toHaveTextContent('۵');
    expect(delivery).toHaveTextContent('the receiver answered HTTP 500');
    expect(await screen.findByRole('table', { name: 'رخدادها' })).toHaveTextContent('دچار خطا');
    expect(await screen.findByRole('link', { name: /۲ رخداد باز/ })).toHaveAttribute('href', '/alerts#incidents');
  });

  it('should add a webhook channel, showing the server’s refusal next to the address first (en)', async () => {
    let tries = 0;
    const api = stubApi({
      ...routes([]),
      'POST /api/notifications/channels': () => {
        tries++;
        return tries === 1
          ? reply(400, errorBody(400, 'settings.url: must be an http(s) address', { fields: { 'settings.url': ['must be an http(s) address'] } }))
          : hook;
      },
    });
    const { user } = await renderApp({ route: '/alerts', lng: 'en' });
    await user.click(await screen.findByRole('button', { name: 'Add channel' }));
    const dialog = await screen.findByRole('dialog', { name: 'Add an alert channel' });
    await user.type(within(dialog).getByLabelText('Name'), 'Ops hook');
    await user.type(within(dialog).getByLabelText('Address (URL)'), 'ftp://hooks.example.org');
    await user.type(within(dialog).getByLabelText('Signing secret'), 'whsec-1');
    await user.click(within(dialog).getByRole('button', { name: 'Save' }));
    expect(await within(dialog).findByText('must be an http(s) address')).toBeInTheDocument();
    expect(within(dialog).getByLabelText('Address (URL)')).toHaveAttribute('aria-invalid', 'true');
    await user.clear(within(dialog).getByLabelText('Address (URL)'));
    await user.type(within(dialog).getByLabelText('Address (URL)'), 'https://hooks.example.org/x');
    await user.click(within(dialog).getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(api.callsTo('POST /api/notifications/channels').at(-1)?.body).toMatchObject({
      kind: 'webhook',
      name: 'Ops hook',
      events: ['run.failed', 'source.late', 'source.recovered'],
      failuresBeforeAlert: 1,
      settings: { url: 'https://hooks.example.org/x', secret: 'whsec-1' },
    });
  });

  it('should let an auditor read channels without add, edit, test or delete', async () => {
    stubApi(routes());
    await renderApp({ route: '/alerts', lng: 'en', session: makeUser({ role: 'auditor' }) });
    const channels = await screen.findByRole('table', { name: 'Channels' });
    expect(within(channels).getByRole('switch', { name: 'Ops hook on' })).toBeDisabled();
    expect(screen.queryByRole('button', { name: 'Add channel' })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Send a test to Ops hook' })).not.toBeInTheDocument();
  });
});
