import type { ApiErrorBody, AuditEntry, NotificationChannel, Page } from '@hamgam/shared';
import { startTestApp, type TestApp } from '../helpers/test-app';

const SECRET = 'whsec-plain-0123456789';
const NEW_SECRET = 'whsec-second-9876543210';
const SMS_KEY = 'kave-api-key-4242424242';

describe('alert channels API', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp();
  });

  afterAll(() => t.close());

  const audit = async (action: string) => ((await t.http().get(`/api/audit?action=${action}`).expect(200)).body as Page<AuditEntry>).items;

  it('should create a webhook channel, answer its secret only as hasSecret, seal it at rest and audit the creation', async () => {
    const created = (
      await t
        .http()
        .post('/api/notifications/channels')
        .send({
          kind: 'webhook',
          name: 'Ops hook',
          events: ['run.failed', 'source.recovered'],
          settings: { url: 'https://hooks.example.org/hamgam', secret: SECRET },
        })
        .expect(201)
    ).body as NotificationChannel;
    expect(created).toMatchObject({
      kind: 'webhook',
      name: 'Ops hook',
      enabled: true,
      failuresBeforeAlert: 1,
      settings: { url: 'https://hooks.example.org/hamgam', hasSecret: true },
    });
    const listed = (await t.http().get('/api/notifications/channels').expect(200)).body as NotificationChannel[];
    expect(listed.map((channel) => channel.id)).toEqual([created.id]);
    const [stored] = await t.query<{ secret: string; settings: string }>('SELECT secret, settings FROM notification_channels WHERE id = ?', [
      Number(created.id),
    ]);
    expect(stored.secret).toMatch(/^v1:/);
    expect(`${stored.secret}${stored.settings}`).not.toContain(SECRET);
    const [entry] = await audit('channel.created');
    expect(entry).toMatchObject({ actor: 'admin', target: `channel:${created.id}`, details: { name: 'Ops hook', kind: 'webhook' } });
    expect(JSON.stringify([listed, entry])).not.toContain(SECRET);
  });

  it.each([
    ['an unknown kind', { kind: 'pager', name: 'x', events: ['run.failed'], settings: {} }, 'kind'],
    ['a webhook without an address', { kind: 'webhook', name: 'x', events: ['run.failed'], settings: {} }, 'settings.url'],
    ['an unknown event', { kind: 'webhook', name: 'x', events: ['run.slow'], settings: { url: 'https://x.org' } }, 'events.0'],
    [
      'an SMS channel without an API key',
      { kind: 'sms', name: 'x', events: ['run.failed'], settings: { sender: '10004346', recipients: ['09121234567'] } },
      'settings.apiKey',
    ],
    [
      'an email channel with a bad sender',
      { kind: 'email', name: 'x', events: ['run.failed'], settings: { host: 'smtp.x.org', from: 'nobody', recipients: ['a@x.org'] } },
      'settings.from',
    ],
  ])('should answer 400 naming the field for %s, and store nothing', async (_label, body, field) => {
    const response = await t.http().post('/api/notifications/channels').send(body).expect(400);
    expect(Object.keys((response.body as ApiErrorBody).fields ?? {})).toContain(field);
    expect(((await t.http().get('/api/notifications/channels').expect(200)).body as NotificationChannel[]).length).toBe(1);
  });

  it('should audit a change field by field with the secret only as changed, and record nothing for a save that changes nothing', async () => {
    const [channel] = (await t.http().get('/api/notifications/channels').expect(200)).body as NotificationChannel[];
    await t
      .http()
      .patch(`/api/notifications/channels/${channel.id}`)
      .send({ name: 'Ops hook 2', events: ['run.failed', 'source.late'], settings: { secret: NEW_SECRET } })
      .expect(200);
    await t.http().patch(`/api/notifications/channels/${channel.id}`).send({ name: 'Ops hook 2' }).expect(200);
    const entries = await audit('channel.changed');
    expect(entries).toHaveLength(1);
    expect(entries[0].details).toEqual({
      name: 'Ops hook 2',
      changes: {
        name: { before: 'Ops hook', after: 'Ops hook 2' },
        events: { added: ['source.late'], removed: ['source.recovered'] },
        'settings.secret': 'changed',
      },
    });
    expect(JSON.stringify(entries)).not.toContain(NEW_SECRET);
    const refused = await t.http().patch(`/api/notifications/channels/${channel.id}`).send({ kind: 'sms' }).expect(400);
    expect(Object.keys((refused.body as ApiErrorBody).fields ?? {})).toEqual(['kind']);
  });

  it('should ask for the SMTP password again when the host changes', async () => {
    const email = (
      await t
        .http()
        .post('/api/notifications/channels')
        .send({
          kind: 'email',
          name: 'Mail',
          events: ['run.failed'],
          settings: { host: 'smtp.a.org', username: 'hamgam', password: 'smtp-pass-1', from: 'hamgam@a.org', recipients: ['it@a.org'] },
        })
        .expect(201)
    ).body as NotificationChannel;
    expect(email.settings).toMatchObject({ hasPassword: true, username: 'hamgam', port: 587 });
    const refused = await t
      .http()
      .patch(`/api/notifications/channels/${email.id}`)
      .send({ settings: { host: 'smtp.b.org' } })
      .expect(400);
    expect(Object.keys((refused.body as ApiErrorBody).fields ?? {})).toEqual(['settings.password']);
    await t
      .http()
      .patch(`/api/notifications/channels/${email.id}`)
      .send({ settings: { host: 'smtp.b.org', password: 'smtp-pass-2' } })
      .expect(200);
  });

  it('should let an auditor read channels but not change, test or delete them', async () => {
    const auditor = await t.as('auditor');
    const channels = (await auditor().get('/api/notifications/channels').expect(200)).body as NotificationChannel[];
    expect(channels.length).toBe(2);
    await auditor()
      .post('/api/notifications/channels')
      .send({ kind: 'sms', name: 'x', events: ['run.failed'], settings: { sender: '1000', recipients: ['09121234567'], apiKey: SMS_KEY } })
      .expect(403);
    await auditor().patch(`/api/notifications/channels/${channels[0].id}`).send({ enabled: false }).expect(403);
    await auditor().post(`/api/notifications/channels/${channels[0].id}/test`).send({}).expect(403);
    await auditor().delete(`/api/notifications/channels/${channels[0].id}`).expect(403);
    await auditor().get('/api/notifications/incidents?status=open').expect(200);
    await auditor().get('/api/notifications/deliveries').expect(200);
  });

  it('should delete a channel (404 afterwards) and audit it', async () => {
    const [channel] = (await t.http().get('/api/notifications/channels').expect(200)).body as NotificationChannel[];
    await t.http().delete(`/api/notifications/channels/${channel.id}`).expect(204);
    await t.http().get(`/api/notifications/channels/${channel.id}`).expect(404);
    expect((await audit('channel.deleted'))[0]).toMatchObject({ target: `channel:${channel.id}`, details: { name: 'Ops hook 2', kind: 'webhook' } });
    const fields = (await t.http().get('/api/notifications/incidents?status=closed').expect(400)).body as ApiErrorBody;
    expect(Object.keys(fields.fields ?? {})).toEqual(['status']);
  });

  it('should never log a channel secret', () => {
    expect(t.logger.lines.join('\n')).not.toMatch(new RegExp(`${SECRET}|${NEW_SECRET}|smtp-pass`));
  });
});
