import { startGolestanStandIn, type GolestanStandIn } from '@hamgam/stand-ins';
import type { NotificationDelivery, Page, WebhookPayload } from '@hamgam/shared';
import { startTestApp, waitFor, type TestApp } from '../helpers/test-app';
import { getSource, setAutoSync } from '../schedules/schedule-helpers';
import { startWebhookReceiver, type WebhookReceiver } from './alert-sinks';

jest.setTimeout(60_000);

describe('alert when auto-sync pauses itself', () => {
  let gateway: GolestanStandIn;
  let hook: WebhookReceiver;
  let t: TestApp;

  beforeAll(async () => {
    gateway = await startGolestanStandIn({ facultyCount: 10, seed: 5 });
    hook = await startWebhookReceiver();
    t = await startTestApp({
      env: {
        GOLESTAN_BASE_URL: gateway.url,
        GOLESTAN_USERNAME: gateway.username,
        GOLESTAN_PASSWORD: gateway.password,
        MIN_SYNC_INTERVAL_SECONDS: '1',
        AUTO_SYNC_MAX_FAILURES: '2',
        NOTIFY_POLL_MS: '50',
      },
    });
  });

  afterAll(async () => {
    await t.close();
    await Promise.all([gateway.close(), hook.close()]);
  });

  it('should send schedule.paused once when the scheduled runs keep failing, after the one run.failed of the incident', async () => {
    await t
      .http()
      .post('/api/notifications/channels')
      .send({ kind: 'webhook', name: 'Ops', events: ['run.failed', 'schedule.paused'], settings: { url: hook.url } })
      .expect(201);
    gateway.setFaults({ loginFails: true });
    await setAutoSync(t, { enabled: true, every: 1, unit: 'seconds' });
    await waitFor(async () => ((await getSource(t)).autoSync.pausedAt ? true : undefined));
    const events = () => hook.received.map((request) => (JSON.parse(request.body) as WebhookPayload).event);
    await waitFor(() => (events().includes('schedule.paused') ? true : undefined));
    expect(events()).toEqual(['run.failed', 'schedule.paused']);
    const paused = hook.received.map((request) => JSON.parse(request.body) as WebhookPayload).find((body) => body.event === 'schedule.paused');
    expect(paused).toMatchObject({ sourceId: 'faculty', message: expect.stringContaining('متوقف شد') as string });
    const deliveries = ((await t.http().get('/api/notifications/deliveries').expect(200)).body as Page<NotificationDelivery>).items;
    expect(deliveries.map((delivery) => [delivery.event, delivery.status])).toEqual([
      ['schedule.paused', 'sent'],
      ['run.failed', 'sent'],
    ]);
    await setAutoSync(t, { enabled: false });
  });
});
