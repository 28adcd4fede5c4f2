import type { TFunction } from 'i18next';
import { AUTO_SYNC_UNIT_SECONDS, AUTO_SYNC_UNITS, type FieldProblem } from '@hamgam/shared';
import { isApiError, type FieldErrors } from './api-client';

/** "5 minutes" / "۵ دقیقه": a span in its largest whole unit (`schedules:span.*`). */
export function spanText(t: TFunction, seconds: number): string {
  const unit = [...AUTO_SYNC_UNITS].reverse().find((candidate) => seconds % AUTO_SYNC_UNIT_SECONDS[candidate] === 0) ?? 'seconds';
  return t(`schedules:span.${unit}`, { count: seconds / AUTO_SYNC_UNIT_SECONDS[unit] });
}

/** One refusal in the reader's language (`common:fieldErrors.<code>`); a code this UI does not know reads "not accepted". */
export function problemText(t: TFunction, problem: FieldProblem): string {
  const { seconds, ...params } = problem.params ?? {};
  const values = { ...params, ...(typeof seconds === 'number' ? { span: spanText(t, seconds) } : {}) };
  return t([`common:fieldErrors.${problem.code}`, 'common:fieldErrors.invalid'], values);
}

/**
 * The server's field errors of a refused request (400), translated: each field's codes said in the reader's
 * language, never the server's English (a field refused without a code reads "not accepted"). None for any other
 * failure.
 */
export function translatedFieldErrors(t: TFunction, error: unknown): FieldErrors {
  if (!isApiError(error) || error.status !== 400) return {};
  const { fields = {}, problems = {} } = error.body ?? {};
  const translated: FieldErrors = {};
  for (const field of new Set([...Object.keys(fields), ...Object.keys(problems)])) {
    const codes = problems[field];
    translated[field] = codes?.length ? codes.map((problem) => problemText(t, problem)) : [t('common:fieldErrors.invalid')];
  }
  return translated;
}
