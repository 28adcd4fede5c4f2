import { z } from 'zod';
import { NOTIFICATION_EVENTS, type ChannelKind, type NotificationChannel } from '@hamgam/shared';
import type { NotificationChannelEntity, StoredChannelSettings } from '../entities/notification-channel.entity';

/** Field path → messages, the shape the ValidationPipe answers 400 with. */
export type FieldErrors = Record<string, string[]>;

/** Each kind's one write-only secret, by its name in `settings`. */
export const SECRET_FIELD = { webhook: 'secret', email: 'password', sms: 'apiKey' } as const satisfies Record<ChannelKind, string>;

const MAX_MINUTES = 7 * 24 * 60;
const EMAIL = z
  .string()
  .trim()
  .max(254)
  .pipe(z.email({ message: 'must be an email address' }));
// Iranian mobile numbers as Kavenegar takes them: 09xxxxxxxxx, or with +98 / 0098.
const MOBILE = z
  .string()
  .trim()
  .regex(/^(\+98|0098|0)9\d{9}$/, 'must be a mobile number such as 09121234567');
const HTTP_URL = z
  .string()
  .trim()
  .max(2000)
  .refine((value) => URL.canParse(value) && ['http:', 'https:'].includes(new URL(value).protocol), 'must be an http(s) address');

const PLAIN_SETTINGS = {
  webhook: z.strictObject({ url: HTTP_URL }),
  email: z.strictObject({
    host: z.string().trim().min(1, 'is required').max(255),
    port: z.int().min(1).max(65535),
    secure: z.boolean(),
    username: z.string().trim().max(255).nullable(),
    from: EMAIL,
    recipients: z.array(EMAIL).min(1, 'needs at least one recipient').max(50),
  }),
  sms: z.strictObject({
    sender: z
      .string()
      .trim()
      .regex(/^\d{4,20}$/, 'must be a line number (digits)'),
    recipients: z.array(MOBILE).min(1, 'needs at least one recipient').max(50),
  }),
} as const;

const DEFAULTS: Record<ChannelKind, StoredChannelSettings> = {
  webhook: {},
  email: { port: 587, secure: false, username: null },
  sms: {},
};

const COMMON = z.strictObject({
  name: z.string().trim().min(1, 'is required').max(100),
  events: z
    .array(z.enum(NOTIFICATION_EVENTS))
    .min(1, 'needs at least one event')
    .refine((events) => new Set(events).size === events.length, 'lists an event twice'),
  enabled: z.boolean(),
  failuresBeforeAlert: z.int().min(1).max(100),
  remindAfterMinutes: z.int().min(5).max(MAX_MINUTES).nullable(),
  longRunMinutes: z.int().min(1).max(MAX_MINUTES).nullable(),
});

type Common = z.infer<typeof COMMON>;

/** What a create or update resolves to: the row's new values and, when sent, the secret (`''`: removed). */
export type CheckedChannel = Common & { settings: StoredChannelSettings; secret: string | undefined };
export type ChannelCheck = { ok: true; value: CheckedChannel } | { ok: false; fields: FieldErrors };

function fieldsOf(error: z.ZodError, prefix: string, into: FieldErrors): void {
  for (const issue of error.issues) {
    const path = [prefix, ...issue.path.map(String)].filter(Boolean).join('.') || prefix || 'body';
    (into[path] ??= []).push(issue.message);
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Checks a create (`stored` null) or an update against the stored channel: the common fields, then the kind's
 * settings as they would be after the change, then the secret. Every refused field is named.
 */
export function checkChannel(
  kind: ChannelKind,
  body: Record<string, unknown>,
  stored: { common: Common; settings: StoredChannelSettings; hasSecret: boolean } | null,
): ChannelCheck {
  const fields: FieldErrors = {};
  const { settings: sentSettings, kind: _kind, ...sentCommon } = body;
  const common = COMMON.safeParse({
    enabled: true,
    failuresBeforeAlert: 1,
    remindAfterMinutes: null,
    longRunMinutes: null,
    ...(stored?.common ?? {}),
    ...sentCommon,
  });
  if (!common.success) fieldsOf(common.error, '', fields);
  if (sentSettings !== undefined && !isRecord(sentSettings)) fields.settings = ['must be an object'];
  const sent = isRecord(sentSettings) ? sentSettings : {};
  const secretName = SECRET_FIELD[kind];
  const { [secretName]: secret, ...plainSent } = sent;
  const plain = PLAIN_SETTINGS[kind].safeParse({ ...DEFAULTS[kind], ...(stored?.settings ?? {}), ...plainSent });
  if (!plain.success) fieldsOf(plain.error, 'settings', fields);
  if (secret !== undefined && (typeof secret !== 'string' || secret.length > 500))
    fields[`settings.${secretName}`] = ['must be text of at most 500 characters'];
  const hasSecretAfter = typeof secret === 'string' ? secret !== '' : (stored?.hasSecret ?? false);
  if (kind === 'sms' && !hasSecretAfter && !fields[`settings.${secretName}`]) fields[`settings.${secretName}`] = ['is required'];
  if (Object.keys(fields).length > 0 || !common.success || !plain.success) return { ok: false, fields };
  return { ok: true, value: { ...common.data, settings: plain.data, secret: secret as string | undefined } };
}

/** The parts of a stored channel `checkChannel` merges an update into. */
export function storedParts(entity: NotificationChannelEntity): { common: Common; settings: StoredChannelSettings; hasSecret: boolean } {
  return {
    common: {
      name: entity.name,
      events: entity.events,
      enabled: entity.enabled,
      failuresBeforeAlert: entity.failuresBeforeAlert,
      remindAfterMinutes: entity.remindAfterMinutes,
      longRunMinutes: entity.longRunMinutes,
    },
    settings: entity.settings,
    hasSecret: entity.secret !== null,
  };
}

/** What clients see: every plain setting, the secret only as `has…`. */
export function toChannel(entity: NotificationChannelEntity): NotificationChannel {
  const base = {
    id: String(entity.id),
    name: entity.name,
    events: entity.events,
    enabled: entity.enabled,
    failuresBeforeAlert: entity.failuresBeforeAlert,
    remindAfterMinutes: entity.remindAfterMinutes,
    longRunMinutes: entity.longRunMinutes,
    createdAt: entity.createdAt,
    updatedAt: entity.updatedAt,
  };
  const s = entity.settings;
  const hasSecret = entity.secret !== null;
  switch (entity.kind) {
    case 'webhook':
      return { ...base, kind: 'webhook', settings: { url: String(s.url), hasSecret } };
    case 'email':
      return {
        ...base,
        kind: 'email',
        settings: {
          host: String(s.host),
          port: Number(s.port),
          secure: Boolean(s.secure),
          username: typeof s.username === 'string' ? s.username : null,
          hasPassword: hasSecret,
          from: String(s.from),
          recipients: (s.recipients as string[]) ?? [],
        },
      };
    case 'sms':
      return { ...base, kind: 'sms', settings: { sender: String(s.sender), recipients: (s.recipients as string[]) ?? [], hasApiKey: hasSecret } };
  }
}
