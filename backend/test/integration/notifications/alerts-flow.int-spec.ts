import { createHmac } from 'node:crypto';
import { mkdtempSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startKavenegarStandIn, type KavenegarStandIn } from '@hamgam/stand-ins';
import type { Incident, IncidentSummary, NotificationChannel, NotificationDelivery, Page, WebhookPayload } from '@hamgam/shared';
import { startTestApp, triggerRun, waitFor, waitForRunEnd, type TestApp } from '../helpers/test-app';
import { startSmtpSink, startWebhookReceiver, type SmtpSink, type WebhookReceiver } from './alert-sinks';

// A command source whose script fails while a flag file exists, so one source can fail and recover.
const SCRIPT = `
const { existsSync } = require('node:fs');
if (existsSync(process.env.FLAKY_FLAG)) { console.error('upstream down'); process.exit(3); }
console.log('Total records: 7');
`;
const HOOK_SECRET = 'hook-secret-0123456789';
const SMS_KEY = 'kavenegar-key-0123456789';

/** The text of a message nodemailer wrote: headers kept, a base64 or quoted-printable body decoded. */
function mailText(data: string): string {
  const [head, ...rest] = data.split(/\r?\n\r?\n/);
  const body = rest.join('\n\n');
  if (/content-transfer-encoding:\s*base64/i.test(head)) return `${head}\n\n${Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8')}`;
  if (/content-transfer-encoding:\s*quoted-printable/i.test(head)) {
    const bytes = body.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/g, (_m, hex: string) => `%${hex}`);
    return `${head}\n\n${decodeURIComponent(bytes)}`;
  }
  return data;
}

describe('alerts from runs and health', () => {
  let t: TestApp;
  let dir: string;
  let flag: string;
  let hook: WebhookReceiver;
  let broken: WebhookReceiver;
  let smtp: SmtpSink;
  let sms: KavenegarStandIn;
  const channelIds: Record<string, string> = {};

  const runFlaky = async () => waitForRunEnd(t, (await triggerRun(t, 'flaky')).id);
  const deliveries = async (channel: string) =>
    ((await t.http().get(`/api/notifications/deliveries?channelId=${channelIds[channel]}`).expect(200)).body as Page<NotificationDelivery>).items;
  const hooksOf = (event: string) => hook.received.filter((request) => (JSON.parse(request.body) as WebhookPayload).event === event);
  const createChannel = async (key: string, body: Record<string, unknown>) => {
    channelIds[key] = ((await t.http().post('/api/notifications/channels').send(body).expect(201)).body as NotificationChannel).id;
  };
  const metric = async (labels: string) => {
    const text = (await t.anonymous().get('/metrics').expect(200)).text;
    const line = text.split('\n').find((row) => row.startsWith(`hamgam_notifications_total{${labels}}`));
    return line ? Number(line.split(' ').at(-1)) : 0;
  };

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'hamgam-alerts-'));
    flag = join(dir, 'fail');
    writeFileSync(
      join(dir, 'commands.json'),
      JSON.stringify([
        { id: 'flaky', executable: process.execPath, args: ['-e', SCRIPT], cwd: dir, countPattern: 'Total records: (\\d+)', env: { FLAKY_FLAG: flag } },
      ]),
    );
    [hook, broken, smtp] = await Promise.all([startWebhookReceiver(), startWebhookReceiver(() => 500), startSmtpSink()]);
    sms = await startKavenegarStandIn({ apiKey: SMS_KEY });
    t = await startTestApp({
      env: {
        COMMAND_SOURCES_FILE: join(dir, 'commands.json'),
        NOTIFY_RETRY_BASE_MS: '20',
        NOTIFY_POLL_MS: '50',
        NOTIFY_CHECK_INTERVAL_MS: '200',
        KAVENEGAR_BASE_URL: sms.url,
        PUBLIC_URL: 'https://hamgam.example.ac.ir',
      },
    });
    await createChannel('hook', {
      kind: 'webhook',
      name: 'Ops',
      events: ['run.failed', 'source.late', 'source.recovered'],
      settings: { url: hook.url, secret: HOOK_SECRET },
    });
    await createChannel('broken', { kind: 'webhook', name: 'Broken', events: ['run.failed'], settings: { url: broken.url } });
    await createChannel('mail', {
      kind: 'email',
      name: 'IT mail',
      events: ['run.failed'],
      settings: { host: '127.0.0.1', port: smtp.port, secure: false, from: 'hamgam@uni.example.ac.ir', recipients: ['it@uni.example.ac.ir'] },
    });
    await createChannel('sms', {
      kind: 'sms',
      name: 'On call',
      events: ['run.failed'],
      failuresBeforeAlert: 2,
      settings: { sender: '10004346', recipients: ['09121234567'], apiKey: SMS_KEY },
    });
  });

  afterAll(async () => {
    await t.close();
    await Promise.all([hook.close(), broken.close(), smtp.close(), sms.close()]);
    rmSync(dir, { recursive: true, force: true });
  });

  it('should send a failed run to the webhook once, signed with the channel secret, and open an incident', async () => {
    writeFileSync(flag, '');
    const run = await runFlaky();
    expect(run.status).toBe('failed');
    const [request] = await waitFor(() => (hooksOf('run.failed').length > 0 ? hooksOf('run.failed') : undefined));
    const expected = `sha256=${createHmac('sha256', HOOK_SECRET).update(request.body).digest('hex')}`;
    expect(request.headers['x-hamgam-signature']).toBe(expected);
    expect(JSON.parse(request.body)).toEqual({
      event: 'run.failed',
      sourceId: 'flaky',
      runId: run.id,
      status: 'failed',
      errorKind: run.errorKind,
      message: expect.stringContaining('«flaky»') as string,
      at: expect.any(String) as string,
      url: `https://hamgam.example.ac.ir/runs/${run.id}`,
    });
    const open = (await t.http().get('/api/notifications/incidents?status=open').expect(200)).body as Page<Incident>;
    expect(open.items).toEqual([expect.objectContaining({ sourceId: 'flaky', kind: 'failing', count: 1, resolvedAt: null })]);
    expect(((await t.http().get('/api/notifications/incidents/summary').expect(200)).body as IncidentSummary).open).toBe(1);
  });

  it('should send the failure to the SMTP sink as an email in Persian with the run’s link', async () => {
    const [mail] = await waitFor(() => (smtp.mails.length > 0 ? smtp.mails : undefined));
    expect(mail.to).toEqual(['it@uni.example.ac.ir']);
    const text = mailText(mail.data);
    expect(text).toContain('ناموفق بود');
    expect(text).toContain('https://hamgam.example.ac.ir/runs/');
  });

  it('should retry a receiver that answers 500 five times and keep the attempts and last error on the delivery', async () => {
    const [delivery] = await waitFor(async () => {
      const items = await deliveries('broken');
      return items[0]?.status === 'failed' ? items : undefined;
    });
    expect(delivery).toMatchObject({ event: 'run.failed', status: 'failed', attempts: 5, lastError: 'the receiver answered HTTP 500', sentAt: null });
    expect(broken.received).toHaveLength(5);
    expect(await metric('kind="webhook",status="failed"')).toBe(1);
  });

  it('should not announce the incident again on the next failure, and tell the SMS channel at its second failure in a row', async () => {
    expect(sms.messages).toHaveLength(0);
    expect((await runFlaky()).status).toBe('failed');
    const [message] = await waitFor(() => (sms.messages.length > 0 ? sms.messages : undefined));
    expect(message).toMatchObject({ receptor: ['09121234567'], sender: '10004346' });
    expect(message.message).toContain('۲ اجرای پیاپی منبع «flaky» ناموفق بود');
    const open = (await t.http().get('/api/notifications/incidents?status=open').expect(200)).body as Page<Incident>;
    expect(open.items[0]).toMatchObject({ kind: 'failing', count: 2 });
  });

  it('should announce the recovery once on the next success, resolve the incident and leave the first alert the only failure sent', async () => {
    unlinkSync(flag);
    const run = await runFlaky();
    expect(run.status).toBe('success');
    const [recovered] = await waitFor(() => (hooksOf('source.recovered').length > 0 ? hooksOf('source.recovered') : undefined));
    expect(JSON.parse(recovered.body)).toMatchObject({ event: 'source.recovered', sourceId: 'flaky', runId: run.id, status: 'success' });
    expect(hooksOf('run.failed')).toHaveLength(1);
    expect((await deliveries('hook')).map((delivery) => [delivery.event, delivery.status])).toEqual([
      ['source.recovered', 'sent'],
      ['run.failed', 'sent'],
    ]);
    // The mail channel hears no recovery (it listens to failures only); the SMS channel was told once.
    expect((await deliveries('mail')).map((delivery) => delivery.event)).toEqual(['run.failed']);
    expect((await deliveries('sms')).map((delivery) => delivery.event)).toEqual(['run.failed']);
    const resolved = (await t.http().get('/api/notifications/incidents?status=resolved').expect(200)).body as Page<Incident>;
    expect(resolved.items).toEqual([expect.objectContaining({ kind: 'failing', count: 2, resolvedAt: expect.any(String) as string })]);
    expect(((await t.http().get('/api/notifications/incidents/summary').expect(200)).body as IncidentSummary).open).toBe(0);
    expect(await metric('kind="webhook",status="sent"')).toBe(2);
  });

  it('should announce a source late past its max age, once, and its recovery once it is fresh again', async () => {
    await t
      .http()
      .patch('/api/sources/flaky')
      // A max age counts while auto-sync is on (an hourly schedule: no scheduled run comes during the test).
      .send({ autoSync: { enabled: true, every: 1, unit: 'hours' }, freshness: { maxAgeSeconds: 1 } })
      .expect(200);
    const [late] = await waitFor(() => (hooksOf('source.late').length > 0 ? hooksOf('source.late') : undefined));
    expect(JSON.parse(late.body)).toMatchObject({ event: 'source.late', sourceId: 'flaky', url: 'https://hamgam.example.ac.ir/' });
    const open = (await t.http().get('/api/notifications/incidents?status=open').expect(200)).body as Page<Incident>;
    expect(open.items).toEqual([expect.objectContaining({ kind: 'late', sourceId: 'flaky' })]);
    await t
      .http()
      .patch('/api/sources/flaky')
      .send({ freshness: { maxAgeSeconds: 3600 } })
      .expect(200);
    await waitFor(() => (hooksOf('source.recovered').length === 2 ? true : undefined));
    expect(hooksOf('source.late')).toHaveLength(1);
  });

  it('should send a test message through the SMS stand-in when asked', async () => {
    const queued = (await t.http().post(`/api/notifications/channels/${channelIds.sms}/test`).send({}).expect(202)).body as NotificationDelivery;
    expect(queued).toMatchObject({ event: 'test', channelName: 'On call', channelKind: 'sms' });
    await waitFor(() => (sms.messages.length === 2 ? true : undefined));
    expect(sms.messages[1].message).toContain('آزمایشی');
    const [delivery] = await deliveries('sms');
    expect(delivery).toMatchObject({ id: queued.id, status: 'sent', attempts: 1, lastError: null });
    expect(await metric('kind="sms",status="sent"')).toBe(2);
  });

  it('should never log a channel secret', () => {
    expect(t.logger.lines.join('\n')).not.toMatch(new RegExp(`${HOOK_SECRET}|${SMS_KEY}`));
  });
});
