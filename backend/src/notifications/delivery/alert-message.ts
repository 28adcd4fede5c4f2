import type { DeliveryEvent, ErrorKind } from '@hamgam/shared';
import { EXPORT_LABELS } from '../../common/export/export-labels';

/** What an alert is about; the message and the webhook body are built from these. */
export type AlertFacts = {
  event: DeliveryEvent;
  sourceId: string | null;
  runId?: number;
  status?: string;
  errorKind?: ErrorKind | null;
  /** Failed runs in a row (`run.failed`) or minutes running (`run.long`). */
  count?: number;
  isReminder?: boolean;
};

const toPersianDigits = (value: number) => String(value).replace(/\d/g, (digit) => '۰۱۲۳۴۵۶۷۸۹'[Number(digit)]);

/**
 * The alert's text, in Persian and short enough for one or two SMS parts (the readers are the university's IT team;
 * the webhook's JSON carries the codes for machines).
 */
export function alertMessage(facts: AlertFacts): string {
  const source = `«${facts.sourceId ?? ''}»`;
  const kind = facts.errorKind ? ` (${EXPORT_LABELS.fa.errorKinds[facts.errorKind]})` : '';
  const reminder = facts.isReminder ? 'یادآوری: ' : '';
  switch (facts.event) {
    case 'run.failed':
      return (facts.count ?? 1) > 1
        ? `همگام: ${reminder}${toPersianDigits(facts.count ?? 1)} اجرای پیاپی منبع ${source} ناموفق بود${kind}.`
        : `همگام: ${reminder}اجرای منبع ${source} ناموفق بود${kind}.`;
    case 'source.late':
      return `همگام: ${reminder}منبع ${source} عقب‌افتاده است؛ همگام‌سازی موفقی به‌موقع انجام نشد.`;
    case 'source.recovered':
      return `همگام: منبع ${source} دوباره به‌روز است؛ همگام‌سازی موفق انجام شد.`;
    case 'schedule.paused':
      return `همگام: همگام‌سازی خودکار منبع ${source} پس از اجراهای ناموفق پیاپی متوقف شد.`;
    case 'run.long':
      return `همگام: اجرای منبع ${source} بیش از ${toPersianDigits(facts.count ?? 0)} دقیقه است که ادامه دارد.`;
    case 'test':
      return 'همگام: پیام آزمایشی. این کانال هشدار درست کار می‌کند.';
  }
}

/** The panel page an alert points to: the run's, else the dashboard (where every source is). */
export function alertUrl(publicUrl: string, facts: AlertFacts): string {
  return facts.runId !== undefined ? `${publicUrl}/runs/${facts.runId}` : `${publicUrl}/`;
}
