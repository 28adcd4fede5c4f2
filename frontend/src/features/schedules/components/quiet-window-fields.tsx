import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { Weekday } from '@hamgam/shared';
import type { FieldErrors } from '../../../lib/api-client';
import { toAsciiDigits } from '../../../lib/format';
import { WEEK, quietWindowSentence } from '../utils/labels';
import type { ScheduleFormValues } from '../utils/schedule-form';
import { FieldError, describedBy } from '../../../components/ui/field-error';

const HH_MM = /^([01]\d|2[0-3]):[0-5]\d$/;

export type QuietWindowFieldsProps = {
  values: ScheduleFormValues;
  onChange: (patch: Partial<ScheduleFormValues>) => void;
  errors: FieldErrors;
  timeZone: string;
};

/** A daily window (from, until, on which days) during which scheduled runs wait for its end. */
export function QuietWindowFields({ values, onChange, errors, timeZone }: QuietWindowFieldsProps) {
  const { t, i18n } = useTranslation('schedules');
  const ids = { toggle: useId(), hint: useId(), start: useId(), end: useId(), startError: useId(), endError: useId(), daysError: useId() };
  const startErrors = errors['autoSync.quietWindow.start'];
  const endErrors = errors['autoSync.quietWindow.end'];
  const dayErrors = errors['autoSync.quietWindow.days'] ?? errors['autoSync.quietWindow'];

  const [start, end] = [toAsciiDigits(values.quietStart.trim()), toAsciiDigits(values.quietEnd.trim())];
  const sentence =
    HH_MM.test(start) && HH_MM.test(end) && start !== end && values.quietDays.length > 0
      ? quietWindowSentence(t, { start, end, days: values.quietDays }, i18n.language)
      : null;

  const toggleDay = (day: Weekday, isOn: boolean) =>
    onChange({ quietDays: isOn ? [...values.quietDays, day] : values.quietDays.filter((candidate) => candidate !== day) });

  return (
    <fieldset className="fieldset">
      <legend className="form__label">{t('dialog.quietWindow')}</legend>
      <label className="choice">
        <input
          id={ids.toggle}
          type="checkbox"
          checked={values.hasQuietWindow}
          onChange={(event) => onChange({ hasQuietWindow: event.target.checked })}
          aria-describedby={ids.hint}
        />
        {t('dialog.hasQuietWindow')}
      </label>
      <p id={ids.hint} className="form__hint">
        {t('dialog.quietHint', { timeZone })}
      </p>
      {values.hasQuietWindow && (
        <>
          <div className="inline-fields">
            <div className="field">
              <label htmlFor={ids.start} className="form__label">
                {t('dialog.quietStart')}
              </label>
              <input
                id={ids.start}
                className="form__control form__control--time"
                dir="ltr"
                inputMode="numeric"
                placeholder="HH:MM"
                value={values.quietStart}
                onChange={(event) => onChange({ quietStart: event.target.value })}
                aria-invalid={startErrors ? true : undefined}
                aria-describedby={describedBy(null, ids.startError, startErrors)}
              />
            </div>
            <div className="field">
              <label htmlFor={ids.end} className="form__label">
                {t('dialog.quietEnd')}
              </label>
              <input
                id={ids.end}
                className="form__control form__control--time"
                dir="ltr"
                inputMode="numeric"
                placeholder="HH:MM"
                value={values.quietEnd}
                onChange={(event) => onChange({ quietEnd: event.target.value })}
                aria-invalid={endErrors ? true : undefined}
                aria-describedby={describedBy(null, ids.endError, endErrors)}
              />
            </div>
          </div>
          <FieldError id={ids.startError} messages={startErrors} />
          <FieldError id={ids.endError} messages={endErrors} />
          <fieldset className="fieldset fieldset--plain" aria-describedby={dayErrors ? ids.daysError : undefined}>
            <legend className="form__hint">{t('dialog.quietDays')}</legend>
            <div className="choice-row">
              {WEEK.map((day) => (
                <label key={day} className="choice choice--day">
                  <input type="checkbox" checked={values.quietDays.includes(day)} onChange={(event) => toggleDay(day, event.target.checked)} />
                  {t(`weekdays.${day}`)}
                </label>
              ))}
            </div>
          </fieldset>
          <FieldError id={ids.daysError} messages={dayErrors} />
          {sentence && (
            <p className="quiet-sentence" aria-live="polite">
              {sentence}
            </p>
          )}
        </>
      )}
    </fieldset>
  );
}
