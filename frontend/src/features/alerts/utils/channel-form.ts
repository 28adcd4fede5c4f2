import type { ChannelKind, CreateChannelRequest, NotificationChannel, NotificationEvent, UpdateChannelRequest } from '@hamgam/shared';

/** What the channel form edits, as text where the inputs hold text. */
export type ChannelFormValues = {
  kind: ChannelKind;
  name: string;
  events: NotificationEvent[];
  enabled: boolean;
  failuresBeforeAlert: string;
  remindAfterMinutes: string;
  longRunMinutes: string;
  url: string;
  host: string;
  port: string;
  secure: boolean;
  username: string;
  from: string;
  sender: string;
  recipients: string;
  /** The kind's secret as typed; empty keeps the stored one. */
  secret: string;
};

const SECRET_NAME = { webhook: 'secret', email: 'password', sms: 'apiKey' } as const;

/** The server's field path of the secret of a kind (`settings.password`). */
export const secretField = (kind: ChannelKind) => `settings.${SECRET_NAME[kind]}`;

export function toFormValues(channel: NotificationChannel | null): ChannelFormValues {
  const base: ChannelFormValues = {
    kind: channel?.kind ?? 'webhook',
    name: channel?.name ?? '',
    events: channel?.events ?? ['run.failed', 'source.late', 'source.recovered'],
    enabled: channel?.enabled ?? true,
    failuresBeforeAlert: String(channel?.failuresBeforeAlert ?? 1),
    remindAfterMinutes: channel?.remindAfterMinutes?.toString() ?? '',
    longRunMinutes: channel?.longRunMinutes?.toString() ?? '',
    url: '',
    host: '',
    port: '587',
    secure: false,
    username: '',
    from: '',
    sender: '',
    recipients: '',
    secret: '',
  };
  if (channel?.kind === 'webhook') return { ...base, url: channel.settings.url };
  if (channel?.kind === 'email') {
    const s = channel.settings;
    return { ...base, host: s.host, port: String(s.port), secure: s.secure, username: s.username ?? '', from: s.from, recipients: s.recipients.join('\n') };
  }
  if (channel?.kind === 'sms') return { ...base, sender: channel.settings.sender, recipients: channel.settings.recipients.join('\n') };
  return base;
}

const lines = (text: string) =>
  text
    .split(/[\n,،]/)
    .map((line) => line.trim())
    .filter(Boolean);
const optionalNumber = (text: string) => (text.trim() === '' ? null : Number(text));

/** The request the form sends: the kind's settings only, the secret only when one was typed. */
export function toRequest(values: ChannelFormValues): CreateChannelRequest {
  const secret = values.secret ? { [SECRET_NAME[values.kind]]: values.secret } : {};
  const settings =
    values.kind === 'webhook'
      ? { url: values.url.trim() }
      : values.kind === 'email'
        ? {
            host: values.host.trim(),
            port: Number(values.port),
            secure: values.secure,
            username: values.username.trim() || null,
            from: values.from.trim(),
            recipients: lines(values.recipients),
          }
        : { sender: values.sender.trim(), recipients: lines(values.recipients) };
  return {
    kind: values.kind,
    name: values.name,
    events: values.events,
    enabled: values.enabled,
    failuresBeforeAlert: Number(values.failuresBeforeAlert),
    remindAfterMinutes: optionalNumber(values.remindAfterMinutes),
    longRunMinutes: optionalNumber(values.longRunMinutes),
    settings: { ...settings, ...secret },
  };
}

export function toUpdate(values: ChannelFormValues): UpdateChannelRequest {
  const { kind: _kind, ...update } = toRequest(values);
  return update;
}

export function hasStoredSecret(channel: NotificationChannel | null): boolean {
  if (!channel) return false;
  if (channel.kind === 'webhook') return channel.settings.hasSecret;
  if (channel.kind === 'email') return channel.settings.hasPassword;
  return channel.settings.hasApiKey;
}
