import type { TFunction } from 'i18next';
import type { SyncRun } from '@hamgam/shared';
import { formatNumber, localizeDigits } from '../../../lib/format';
import { termLabel } from '../../../lib/terms';

// Every helper here takes the `sync` namespace's `t`; a source's own texts come from its locale file (the
// `sources` namespace). Unknown ids, stages and kinds fall back to the raw value, so a source or stage added
// on the server shows up before its translation does.

export function sourceName(t: TFunction, sourceId: string): string {
  return t(`sources:${sourceId}.name`, { defaultValue: sourceId });
}

/** The source's own stage name, else the core's (starting, connecting, fetching, saving, completed …). */
export function stageLabel(t: TFunction, sourceId: string, stage: string): string {
  return t([`sources:${sourceId}.stages.${stage}`, `stages.${stage}`], { defaultValue: stage });
}

export function errorKindLabel(t: TFunction, kind: string): string {
  return t(`errorKinds.${kind}`, { defaultValue: kind });
}

export function triggerLabel(t: TFunction, trigger: string): string {
  return t(`triggers.${trigger}`, { defaultValue: trigger });
}

/** The run's latest progress message in the UI language, or null when it has none or it is not translated. */
export function progressMessage(t: TFunction, run: Pick<SyncRun, 'messageKey' | 'messageParams'>, lng: string): string | null {
  if (!run.messageKey) return null;
  const params: Record<string, string> = {};
  for (const [name, value] of Object.entries(run.messageParams ?? {})) {
    // A `term` is a term code, shown decoded ("نیمسال دوم ۱۴۰۲"); another string of digits is a code: the language's
    // digits, never digit grouping.
    if (name === 'term') params[name] = termLabel(t, String(value), lng);
    else params[name] = typeof value === 'number' ? formatNumber(value, lng) : /^\d+$/.test(value) ? localizeDigits(value, lng) : value;
  }
  // A worker's key is `<source>.<message>` (its locale file's `messages.<message>`); `command.…` keys are the core's.
  const [prefix, ...rest] = run.messageKey.split('.');
  const text = t([`sources:${prefix}.messages.${rest.join('.')}`, `messages.${run.messageKey}`], { ...params, defaultValue: '' });
  return text === '' ? null : text;
}

/**
 * What a count of this source counts, when the source says (`sources:<id>.counts.<key>`): Moodle's fetched and
 * inserted count different things (records read against rows saved across its tables), so they are labelled.
 */
export function countHint(t: TFunction, sourceId: string, key: string): string | null {
  const text = t(`sources:${sourceId}.counts.${key}`, { defaultValue: '' });
  return text === '' ? null : text;
}
