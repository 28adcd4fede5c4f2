import { checkChannel, storedParts, toChannel } from './channel-settings';
import type { NotificationChannelEntity } from '../entities/notification-channel.entity';

const fieldsOf = (result: ReturnType<typeof checkChannel>) => (result.ok ? {} : result.fields);

describe('checkChannel', () => {
  it('should accept a webhook with defaults for what was not sent, and keep the secret apart', () => {
    const result = checkChannel('webhook', { name: ' Ops ', events: ['run.failed'], settings: { url: 'https://hooks.example.org/x', secret: 's3cret' } }, null);
    expect(result).toEqual({
      ok: true,
      value: {
        name: 'Ops',
        events: ['run.failed'],
        enabled: true,
        failuresBeforeAlert: 1,
        remindAfterMinutes: null,
        longRunMinutes: null,
        settings: { url: 'https://hooks.example.org/x' },
        secret: 's3cret',
      },
    });
  });

  it.each([
    ['a missing name', { events: ['run.failed'], settings: { url: 'https://x.org' } }, 'name'],
    ['no event', { name: 'a', events: [], settings: { url: 'https://x.org' } }, 'events'],
    ['an unknown event', { name: 'a', events: ['run.exploded'], settings: { url: 'https://x.org' } }, 'events.0'],
    ['an event twice', { name: 'a', events: ['run.failed', 'run.failed'], settings: { url: 'https://x.org' } }, 'events'],
    ['a zero failure count', { name: 'a', events: ['run.failed'], failuresBeforeAlert: 0, settings: { url: 'https://x.org' } }, 'failuresBeforeAlert'],
    ['a non-http address', { name: 'a', events: ['run.failed'], settings: { url: 'ftp://x.org' } }, 'settings.url'],
    ['an unknown setting', { name: 'a', events: ['run.failed'], settings: { url: 'https://x.org', token: 'x' } }, 'settings'],
    ['an unknown field', { name: 'a', events: ['run.failed'], colour: 'red', settings: { url: 'https://x.org' } }, ''],
  ])('should name the field when a webhook has %s', (_label, body, field) => {
    const fields = fieldsOf(checkChannel('webhook', body, null));
    expect(Object.keys(fields).some((key) => key === field || (field === '' && key === 'body'))).toBe(true);
  });

  it('should refuse a bad recipient and sender of an SMS channel, and ask for its API key', () => {
    const fields = fieldsOf(checkChannel('sms', { name: 's', events: ['source.late'], settings: { sender: 'abc', recipients: ['12345'] } }, null));
    expect(Object.keys(fields).sort()).toEqual(['settings.apiKey', 'settings.recipients.0', 'settings.sender']);
  });

  it('should check an email channel with its default port and refuse a bad recipient address', () => {
    const ok = checkChannel(
      'email',
      { name: 'e', events: ['run.failed'], settings: { host: 'smtp.example.org', from: 'hamgam@example.org', recipients: ['it@example.org'] } },
      null,
    );
    expect(ok.ok && ok.value.settings).toEqual({
      host: 'smtp.example.org',
      port: 587,
      secure: false,
      username: null,
      from: 'hamgam@example.org',
      recipients: ['it@example.org'],
    });
    const bad = checkChannel('email', { name: 'e', events: ['run.failed'], settings: { host: 'h', from: 'h@x.org', recipients: ['not an address'] } }, null);
    expect(Object.keys(fieldsOf(bad))).toEqual(['settings.recipients.0']);
  });

  it('should merge an update into the stored channel and keep a stored secret when none is sent', () => {
    const stored: NotificationChannelEntity = {
      id: 1,
      kind: 'sms',
      name: 'SMS',
      events: ['run.failed'],
      enabled: true,
      failuresBeforeAlert: 3,
      remindAfterMinutes: null,
      longRunMinutes: null,
      settings: { sender: '10004346', recipients: ['09121234567'] },
      secret: 'v1:sealed',
      createdAt: '2026-12-01T00:00:00.000Z',
      updatedAt: '2026-12-01T00:00:00.000Z',
    };
    const result = checkChannel('sms', { enabled: false, settings: { recipients: ['09351234567'] } }, storedParts(stored));
    expect(result.ok && result.value).toMatchObject({
      enabled: false,
      failuresBeforeAlert: 3,
      settings: { sender: '10004346', recipients: ['09351234567'] },
      secret: undefined,
    });
    expect(Object.keys(fieldsOf(checkChannel('sms', { settings: { apiKey: '' } }, storedParts(stored))))).toEqual(['settings.apiKey']);
    expect(toChannel(stored).settings).toEqual({ sender: '10004346', recipients: ['09121234567'], hasApiKey: true });
    expect(JSON.stringify(toChannel(stored))).not.toContain('v1:sealed');
  });
});
