import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { AutoSyncUnit } from '@hamgam/shared';
import { FieldError, describedBy } from '../../../components/ui/field-error';
import type { FieldErrors } from '../../../lib/api-client';
import { UnitSelect } from './unit-select';
import type { ScheduleFormValues } from '../utils/schedule-form';

export type CalendarRuleFieldsProps = {
  values: ScheduleFormValues;
  onChange: (patch: Partial<ScheduleFormValues>) => void;
  errors: FieldErrors;
  units: AutoSyncUnit[];
  timeZone: string;
};

/** What the schedule asks of the academic calendar: skip its closures, and optionally another interval inside terms. */
export function CalendarRuleFields({ values, onChange, errors, units, timeZone }: CalendarRuleFieldsProps) {
  const { t } = useTranslation('schedules');
  const ids = { skipHint: useId(), every: useId(), unit: useId(), everyError: useId(), unitError: useId() };
  const everyErrors = errors['autoSync.inTerm.every'];
  const unitErrors = errors['autoSync.inTerm.unit'] ?? errors['autoSync.skipClosures'];

  return (
    <fieldset className="fieldset">
      <legend className="form__label">{t('dialog.calendar')}</legend>
      <label className="choice">
        <input
          type="checkbox"
          checked={values.skipClosures}
          onChange={(event) => onChange({ skipClosures: event.target.checked })}
          aria-describedby={ids.skipHint}
        />
        {t('dialog.skipClosures')}
      </label>
      <p id={ids.skipHint} className="form__hint">
        {t('dialog.skipClosuresHint', { timeZone })}
      </p>
      <label className="choice">
        <input type="checkbox" checked={values.hasInTerm} onChange={(event) => onChange({ hasInTerm: event.target.checked })} />
        {t('dialog.hasInTerm')}
      </label>
      {values.hasInTerm && (
        <div className="inline-fields">
          <div className="field field--narrow">
            <label htmlFor={ids.every} className="form__label">
              {t('dialog.inTermEvery')}
            </label>
            <input
              id={ids.every}
              className="form__control"
              inputMode="numeric"
              value={values.inTermEvery}
              onChange={(event) => onChange({ inTermEvery: event.target.value })}
              aria-invalid={everyErrors ? true : undefined}
              aria-describedby={describedBy(null, ids.everyError, everyErrors)}
            />
          </div>
          <div className="field">
            <label htmlFor={ids.unit} className="form__label">
              {t('dialog.inTermUnit')}
            </label>
            <UnitSelect
              id={ids.unit}
              value={values.inTermUnit}
              units={units}
              onChange={(unit) => onChange({ inTermUnit: unit })}
              errors={unitErrors}
              errorId={ids.unitError}
            />
          </div>
        </div>
      )}
      <FieldError id={ids.everyError} messages={everyErrors} />
      <FieldError id={ids.unitError} messages={unitErrors} />
    </fieldset>
  );
}
