import type { TFunction } from 'i18next';
import type { RunRejectionReason } from '@hamgam/shared';
import { localizeDigits } from '../../../lib/format';

/**
 * A rejected record's reason in the UI's language: the source's sentence for its code (`rejections.<code>` in
 * locales/<lng>/sources/<id>.json) with its parameters; the server's text when the code is not known here (or the
 * run was recorded before codes).
 */
export function rejectionReasonText(t: TFunction, sourceId: string, reason: RunRejectionReason, lng: string): string {
  if (reason.code === null) return reason.text;
  const key = `sources:${sourceId}.rejections.${reason.code}`;
  if (!t(key, { defaultValue: '' })) return reason.text;
  const params = Object.fromEntries(Object.entries(reason.params).map(([name, value]) => [name, localizeDigits(String(value), lng)]));
  return t(key, params);
}
