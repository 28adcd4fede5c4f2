import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { AutoSyncConfig, AutoSyncUnit } from '@hamgam/shared';
import { spanLabel } from '../utils/labels';
import type { FieldErrors } from '../../../lib/api-client';
import { UnitSelect } from './unit-select';
import type { ScheduleFormValues, ScheduleKind } from '../utils/schedule-form';
import { toPreviewQuery } from '../utils/schedule-form';
import { CalendarRuleFields } from './calendar-rule-fields';
import { SchedulePreviewList } from './schedule-preview';
import { FieldError, describedBy } from '../../../components/ui/field-error';

const FALLBACK_UNITS: AutoSyncUnit[] = ['minutes', 'hours', 'days'];

export type TimingFieldsProps = {
  values: ScheduleFormValues;
  onChange: (patch: Partial<ScheduleFormValues>) => void;
  errors: FieldErrors;
  config: AutoSyncConfig | undefined;
};

/** Interval (a number and a unit) or a cron expression, the academic calendar's part, and the next three runs they start. */
export function TimingFields({ values, onChange, errors, config }: TimingFieldsProps) {
  const { t } = useTranslation('schedules');
  const ids = { kind: useId(), every: useId(), unit: useId(), hint: useId(), everyError: useId(), unitError: useId() };
  const cronIds = { input: useId(), hint: useId(), error: useId(), previewError: useId() };
  const everyErrors = errors['autoSync.every'];
  const unitErrors = errors['autoSync.unit'];
  const cronErrors = errors['autoSync.cron'];
  const timeZone = config?.timeZone ?? 'Asia/Tehran';
  const units = config?.units ?? FALLBACK_UNITS;

  const kindOption = (kind: ScheduleKind, label: string) => (
    <label className="choice">
      <input type="radio" name={ids.kind} value={kind} checked={values.kind === kind} onChange={() => onChange({ kind })} />
      {label}
    </label>
  );

  return (
    <fieldset className="fieldset">
      <legend className="form__label">{t('dialog.timing')}</legend>
      <div className="choice-row">
        {kindOption('interval', t('dialog.kindInterval'))}
        {kindOption('cron', t('dialog.kindCron'))}
      </div>
      {values.kind === 'interval' ? (
        <>
          <div className="inline-fields">
            <div className="field field--narrow">
              <label htmlFor={ids.every} className="form__label">
                {t('dialog.every')}
              </label>
              <input
                id={ids.every}
                className="form__control"
                inputMode="numeric"
                value={values.every}
                onChange={(event) => onChange({ every: event.target.value })}
                aria-invalid={everyErrors ? true : undefined}
                aria-describedby={describedBy(ids.hint, ids.everyError, everyErrors)}
              />
            </div>
            <div className="field">
              <label htmlFor={ids.unit} className="form__label">
                {t('dialog.unit')}
              </label>
              <UnitSelect
                id={ids.unit}
                value={values.unit}
                units={units}
                onChange={(unit) => onChange({ unit: unit })}
                errors={unitErrors}
                errorId={ids.unitError}
              />
            </div>
          </div>
          <FieldError id={ids.everyError} messages={everyErrors} />
          <FieldError id={ids.unitError} messages={unitErrors} />
          {config && (
            <p id={ids.hint} className="form__hint">
              {t('dialog.intervalHint', { min: spanLabel(t, config.minIntervalSeconds), max: spanLabel(t, config.maxIntervalSeconds) })}
            </p>
          )}
        </>
      ) : (
        <div className="field">
          <label htmlFor={cronIds.input} className="form__label">
            {t('dialog.cron')}
          </label>
          <input
            id={cronIds.input}
            className="form__control form__control--code"
            dir="ltr"
            spellCheck={false}
            placeholder="0 2 * * *"
            value={values.cron}
            onChange={(event) => onChange({ cron: event.target.value })}
            aria-invalid={cronErrors ? true : undefined}
            aria-describedby={describedBy(cronIds.hint, cronIds.error, cronErrors)}
          />
          <p id={cronIds.hint} className="form__hint">
            {t('dialog.cronHint', { timeZone })}
          </p>
          <FieldError id={cronIds.error} messages={cronErrors} />
        </div>
      )}
      <CalendarRuleFields values={values} onChange={onChange} errors={errors} units={units} timeZone={timeZone} />
      <div aria-live="polite">
        <SchedulePreviewList query={toPreviewQuery(values)} timeZone={timeZone} errorId={cronIds.previewError} />
      </div>
    </fieldset>
  );
}
