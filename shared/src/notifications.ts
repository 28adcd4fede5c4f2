/** How an alert reaches people. */
export const CHANNEL_KINDS = ['webhook', 'email', 'sms'] as const;
export type ChannelKind = (typeof CHANNEL_KINDS)[number];

/**
 * What a channel can be told: `run.failed` (the first failure of an incident, or the channel's Nth in a row),
 * `source.late`, `source.recovered` (the first success after failing or late), `schedule.paused` (auto-sync paused
 * itself), `run.long` (a run still going past a set duration).
 */
export const NOTIFICATION_EVENTS = ['run.failed', 'source.late', 'source.recovered', 'schedule.paused', 'run.long'] as const;
export type NotificationEvent = (typeof NOTIFICATION_EVENTS)[number];

/** A delivery's event: an alert, or a channel's "send test". */
export type DeliveryEvent = NotificationEvent | 'test';

export const DELIVERY_STATUSES = ['pending', 'sent', 'failed'] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];

export const INCIDENT_KINDS = ['failing', 'late'] as const;
export type IncidentKind = (typeof INCIDENT_KINDS)[number];

export const INCIDENT_STATUSES = ['open', 'resolved'] as const;
export type IncidentStatus = (typeof INCIDENT_STATUSES)[number];

/** What a channel shows of its settings; secrets only as `has…`. */
export type WebhookSettings = { url: string; hasSecret: boolean };
export type EmailSettings = {
  host: string;
  port: number;
  /** TLS from the first byte (port 465); otherwise STARTTLS when the server offers it. */
  secure: boolean;
  username: string | null;
  hasPassword: boolean;
  from: string;
  recipients: string[];
};
export type SmsSettings = { sender: string; recipients: string[]; hasApiKey: boolean };

type ChannelBase = {
  id: string;
  name: string;
  events: NotificationEvent[];
  enabled: boolean;
  /** Consecutive failed runs before this channel hears `run.failed` (1: the first). */
  failuresBeforeAlert: number;
  /** While an incident stays open, it is announced again this often; null: never. */
  remindAfterMinutes: number | null;
  /** `run.long` after this many minutes; null: the server's `RUN_LONG_MINUTES`. */
  longRunMinutes: number | null;
  /** ISO-8601. */
  createdAt: string;
  updatedAt: string;
};

export type NotificationChannel =
  | (ChannelBase & { kind: 'webhook'; settings: WebhookSettings })
  | (ChannelBase & { kind: 'email'; settings: EmailSettings })
  | (ChannelBase & { kind: 'sms'; settings: SmsSettings });

/** Settings an admin sends; secrets are write-only (`secret`, `password`, `apiKey`; an empty string removes one). */
export type ChannelSettingsInput = {
  url?: string;
  secret?: string;
  host?: string;
  port?: number;
  secure?: boolean;
  username?: string | null;
  password?: string;
  from?: string;
  recipients?: string[];
  sender?: string;
  apiKey?: string;
};

export type CreateChannelRequest = {
  kind: ChannelKind;
  name: string;
  events: NotificationEvent[];
  enabled?: boolean;
  failuresBeforeAlert?: number;
  remindAfterMinutes?: number | null;
  longRunMinutes?: number | null;
  settings: ChannelSettingsInput;
};

/** Only the keys sent change; `settings` keys likewise. The kind is fixed once created. */
export type UpdateChannelRequest = Partial<Omit<CreateChannelRequest, 'kind'>>;

export type Incident = {
  id: string;
  sourceId: string;
  kind: IncidentKind;
  /** ISO-8601. */
  openedAt: string;
  lastSeenAt: string;
  resolvedAt: string | null;
  /** Failed runs in a row (failing), or 1 (late). */
  count: number;
};

export type IncidentSummary = { open: number };

export type NotificationDelivery = {
  id: string;
  /** Null once the channel is deleted; its name and kind stay. */
  channelId: string | null;
  channelName: string;
  channelKind: ChannelKind;
  event: DeliveryEvent;
  sourceId: string | null;
  runId: string | null;
  incidentId: string | null;
  status: DeliveryStatus;
  attempts: number;
  /** Why the last try failed (a summary, never a secret); null after a success. */
  lastError: string | null;
  /** ISO-8601. */
  createdAt: string;
  sentAt: string | null;
  /** When the next try is due while pending. */
  nextAttemptAt: string | null;
};

/** The JSON a webhook receives; signed in `X-Hamgam-Signature: sha256=<hex HMAC-SHA256 of the body>`. */
export type WebhookPayload = {
  event: DeliveryEvent;
  sourceId: string | null;
  runId?: string;
  status?: string;
  errorKind?: string;
  message: string;
  /** ISO-8601. */
  at: string;
  /** The run's or the source's page in the panel. */
  url: string;
};
