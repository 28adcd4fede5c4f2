import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { FieldError, describedBy } from '../../../components/ui/field-error';

export type FreshnessFieldProps = { value: string; onChange: (value: string) => void; errors: string[] | undefined };

/** How long a successful run keeps the source fresh, in hours; empty lets the server work it out from the schedule. */
export function FreshnessField({ value, onChange, errors }: FreshnessFieldProps) {
  const { t } = useTranslation('schedules');
  const ids = { input: useId(), hint: useId(), error: useId() };
  return (
    <div className="field">
      <label htmlFor={ids.input} className="form__label">
        {t('dialog.freshFor')}
      </label>
      <input
        id={ids.input}
        className="form__control field--narrow"
        inputMode="numeric"
        value={value}
        onChange={(event) => onChange(event.target.value)}
        aria-invalid={errors ? true : undefined}
        aria-describedby={describedBy(ids.hint, ids.error, errors)}
      />
      <p id={ids.hint} className="form__hint">
        {t('dialog.freshHint')}
      </p>
      <FieldError id={ids.error} messages={errors} />
    </div>
  );
}
