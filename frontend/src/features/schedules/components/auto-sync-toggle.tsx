import { useId } from 'react';
import { useTranslation } from 'react-i18next';

export type AutoSyncToggleProps = { isEnabled: boolean; onChange: (isEnabled: boolean) => void };

/** The auto-sync switch of the schedule form: part of the draft, saved with the rest by the form's Save. */
export function AutoSyncToggle({ isEnabled, onChange }: AutoSyncToggleProps) {
  const { t } = useTranslation('schedules');
  const id = useId();
  const hintId = useId();

  return (
    <div className="switch-field">
      <input
        id={id}
        type="checkbox"
        role="switch"
        className="switch"
        checked={isEnabled}
        aria-describedby={hintId}
        onChange={(event) => onChange(event.target.checked)}
      />
      <label htmlFor={id} className="switch-field__label">
        {t('dialog.enabled')}
      </label>
      <p id={hintId} className="form__hint switch-field__hint">
        {isEnabled ? t('dialog.enabledOn') : t('dialog.enabledOff')}
      </p>
    </div>
  );
}
