import type { AuditAction, ErrorKind, RunMode, RunStatus, RunTrigger } from '@hamgam/shared';

// The backend never imports the UI's locale files: these are the few words an export needs, kept in the same terms
// as `frontend/src/locales/<lng>/{sync,audit}.json` by hand.

export const EXPORT_LANGUAGES = ['fa', 'en'] as const;
export type ExportLanguage = (typeof EXPORT_LANGUAGES)[number];
export const DEFAULT_EXPORT_LANGUAGE: ExportLanguage = 'fa';

export const RUN_EXPORT_COLUMNS = [
  'id',
  'source',
  'status',
  'trigger',
  'triggeredBy',
  'reason',
  'mode',
  'createdAt',
  'startedAt',
  'finishedAt',
  'durationMs',
  'fetched',
  'inserted',
  'updated',
  'unchanged',
  'deleted',
  'rejected',
  'errorKind',
  'errorMessage',
  'cancelledBy',
  'cancelReason',
  'dryRun',
  'heldDeletions',
] as const;
export type RunExportColumn = (typeof RUN_EXPORT_COLUMNS)[number];

export const AUDIT_EXPORT_COLUMNS = ['id', 'at', 'actor', 'action', 'target', 'ip', 'details'] as const;
export type AuditExportColumn = (typeof AUDIT_EXPORT_COLUMNS)[number];

/** How a time column is written: ISO (UTC), Gregorian in the server's zone, Jalali in the server's zone. */
export type TimeForm = 'iso' | 'local' | 'jalali';

export type ExportLabels = {
  runColumns: Record<RunExportColumn, string>;
  auditColumns: Record<AuditExportColumn, string>;
  /** A time column's header: the column's name and the form its time is written in. */
  timeColumn: (name: string, form: TimeForm) => string;
  statuses: Record<RunStatus, string>;
  triggers: Record<RunTrigger, string>;
  errorKinds: Record<ErrorKind, string>;
  modes: Record<RunMode, string>;
  auditActions: Record<AuditAction, string>;
  unknownActor: string;
  /** The dry-run column's value for a dry run (a real run leaves it empty). */
  dryRunYes: string;
  runsSheet: string;
  auditSheet: string;
};

const FA: ExportLabels = {
  runColumns: {
    id: 'شناسه',
    source: 'منبع',
    status: 'وضعیت',
    trigger: 'نوع شروع',
    triggeredBy: 'شروع‌کننده',
    reason: 'دلیل',
    mode: 'گسترهٔ همگام‌سازی',
    createdAt: 'زمان ثبت',
    startedAt: 'زمان شروع',
    finishedAt: 'زمان پایان',
    durationMs: 'مدت (میلی‌ثانیه)',
    fetched: 'دریافت‌شده',
    inserted: 'افزوده',
    updated: 'به‌روزشده',
    unchanged: 'بدون تغییر',
    deleted: 'حذف‌شده',
    rejected: 'ردشده',
    errorKind: 'نوع خطا',
    errorMessage: 'پیام خطا',
    cancelledBy: 'لغو توسط',
    cancelReason: 'دلیل لغو',
    dryRun: 'اجرای آزمایشی',
    heldDeletions: 'حذف‌های در انتظار تأیید',
  },
  auditColumns: { id: 'شناسه', at: 'زمان', actor: 'کاربر', action: 'کنش', target: 'هدف', ip: 'IP', details: 'جزئیات' },
  timeColumn: (name, form) => `${name} (${{ iso: 'ISO', local: 'میلادی', jalali: 'شمسی' }[form]})`,
  statuses: { pending: 'در انتظار', running: 'در حال اجرا', success: 'موفق', failed: 'ناموفق', cancelled: 'لغوشده', awaiting_approval: 'در انتظار تأیید حذف' },
  triggers: { manual: 'دستی', schedule: 'زمان‌بندی', cli: 'خط فرمان', api: 'API' },
  errorKinds: {
    network: 'خطای شبکه',
    timeout: 'پایان مهلت اجرا',
    auth: 'خطای احراز هویت',
    rate_limited: 'محدودیت تعداد درخواست',
    upstream: 'خطای سامانهٔ بیرونی',
    validation: 'دادهٔ نامعتبر',
    cancelled: 'لغو شد',
    interrupted: 'اجرا قطع شد',
    internal: 'خطای داخلی',
  },
  modes: { full: 'کامل', recent: 'اخیر' },
  auditActions: {
    login: 'ورود',
    'login.failed': 'ورود ناموفق',
    'login.locked': 'قفل ورود',
    logout: 'خروج',
    'logout.all': 'خروج از همهٔ دستگاه‌ها',
    'sync.triggered': 'شروع همگام‌سازی',
    'run.cancelled': 'لغو اجرا',
    'deletions.approved': 'تأیید حذف‌ها',
    'deletions.discarded': 'کنار گذاشتن حذف‌ها',
    'settings.changed': 'تغییر تنظیمات',
    'user.created': 'ساخت کاربر',
    'user.changed': 'تغییر کاربر',
    'retention.purged': 'حذف تاریخچهٔ قدیمی',
    'channel.created': 'افزودن کانال هشدار',
    'channel.changed': 'تغییر کانال هشدار',
    'channel.deleted': 'حذف کانال هشدار',
    'channel.tested': 'ارسال آزمایشی هشدار',
    'calendar.changed': 'تغییر تقویم آموزشی',
    request: 'تغییر دیگر',
  },
  unknownActor: '(نامشخص)',
  dryRunYes: 'آزمایشی',
  runsSheet: 'اجراها',
  auditSheet: 'ردّ ممیزی',
};

const EN: ExportLabels = {
  runColumns: {
    id: 'ID',
    source: 'Source',
    status: 'Status',
    trigger: 'Trigger',
    triggeredBy: 'Started by',
    reason: 'Reason',
    mode: 'What to sync',
    createdAt: 'Created',
    startedAt: 'Started',
    finishedAt: 'Finished',
    durationMs: 'Duration (ms)',
    fetched: 'Fetched',
    inserted: 'Inserted',
    updated: 'Updated',
    unchanged: 'Unchanged',
    deleted: 'Deleted',
    rejected: 'Rejected',
    errorKind: 'Error kind',
    errorMessage: 'Error message',
    cancelledBy: 'Cancelled by',
    cancelReason: 'Cancel reason',
    dryRun: 'Dry run',
    heldDeletions: 'Deletions held for approval',
  },
  auditColumns: { id: 'ID', at: 'Time', actor: 'User', action: 'Action', target: 'Target', ip: 'IP', details: 'Details' },
  timeColumn: (name, form) => `${name} (${{ iso: 'ISO', local: 'local', jalali: 'Jalali' }[form]})`,
  statuses: { pending: 'Pending', running: 'Running', success: 'Succeeded', failed: 'Failed', cancelled: 'Cancelled', awaiting_approval: 'Awaiting approval' },
  triggers: { manual: 'Manual', schedule: 'Schedule', cli: 'Command line', api: 'API' },
  errorKinds: {
    network: 'Network error',
    timeout: 'Timed out',
    auth: 'Authentication error',
    rate_limited: 'Rate limited',
    upstream: 'Upstream system error',
    validation: 'Unusable data',
    cancelled: 'Cancelled',
    interrupted: 'Interrupted',
    internal: 'Internal error',
  },
  modes: { full: 'Full', recent: 'Recent' },
  auditActions: {
    login: 'Signed in',
    'login.failed': 'Sign-in failed',
    'login.locked': 'Sign-in locked',
    logout: 'Signed out',
    'logout.all': 'Signed out everywhere',
    'sync.triggered': 'Sync started',
    'run.cancelled': 'Run cancelled',
    'deletions.approved': 'Deletions approved',
    'deletions.discarded': 'Deletions discarded',
    'settings.changed': 'Settings changed',
    'user.created': 'User created',
    'user.changed': 'User changed',
    'retention.purged': 'Old history removed',
    'channel.created': 'Alert channel added',
    'channel.changed': 'Alert channel changed',
    'channel.deleted': 'Alert channel deleted',
    'channel.tested': 'Alert test sent',
    'calendar.changed': 'Academic calendar changed',
    request: 'Other change',
  },
  unknownActor: '(unknown)',
  dryRunYes: 'dry run',
  runsSheet: 'Runs',
  auditSheet: 'Audit trail',
};

export const EXPORT_LABELS: Record<ExportLanguage, ExportLabels> = { fa: FA, en: EN };

/** A value's label, or the value itself when it has none (a value added on the server before its label). */
export function labelOf(labels: Record<string, string>, value: string | null): string | null {
  if (value === null) return null;
  return Object.hasOwn(labels, value) ? labels[value] : value;
}

/**
 * The language of an export: `lang` when asked for (the UI passes its own), else the first of `Accept-Language`
 * that the exports speak, else Persian. The server keeps no language per user: the UI's choice lives in the browser.
 */
export function exportLanguage(lang: ExportLanguage | undefined, acceptLanguage: string | undefined): ExportLanguage {
  if (lang) return lang;
  const ranked = (acceptLanguage ?? '')
    .split(',')
    .map((part, index) => {
      const [tag, ...params] = part.trim().split(';');
      const q = params.map((param) => /^\s*q=([\d.]+)\s*$/.exec(param)?.[1]).find((value) => value !== undefined);
      return { base: tag.trim().toLowerCase().split('-')[0], q: q === undefined ? 1 : Number(q), index };
    })
    .filter((entry) => entry.q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index);
  const found = ranked.find((entry) => (EXPORT_LANGUAGES as readonly string[]).includes(entry.base));
  return found ? (found.base as ExportLanguage) : DEFAULT_EXPORT_LANGUAGE;
}

/** A source's name in the export's language. */
export type SourceNamer = (sourceId: string) => string;

/**
 * Source names from the catalog (each connector's `names`), then a command source's configured name (one for
 * every language), then the id itself.
 */
export function sourceNamer(
  catalog: readonly { id: string; names?: Record<ExportLanguage, string> }[],
  commandSources: readonly { id: string; name: string | null }[],
  lang: ExportLanguage,
): SourceNamer {
  const names = new Map<string, string>();
  for (const source of commandSources) if (source.name) names.set(source.id, source.name);
  for (const definition of catalog) if (definition.names) names.set(definition.id, definition.names[lang]);
  return (sourceId) => names.get(sourceId) ?? sourceId;
}
