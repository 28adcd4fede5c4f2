import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Source } from '@hamgam/shared';
import { useToggleAutoSync } from '../api/toggle-auto-sync';

export type AutoSyncToggleProps = { source: Source };

/** Switches auto-sync at once (optimistically); a refusal puts the switch back and says why. */
export function AutoSyncToggle({ source }: AutoSyncToggleProps) {
  const { t } = useTranslation('schedules');
  const toggle = useToggleAutoSync();
  const id = useId();
  const hintId = useId();
  // The click shows at once; the cached source (the card) follows in `onMutate` and is put back on refusal.
  const [pending, setPending] = useState<boolean | null>(null);
  const isEnabled = pending ?? source.autoSync.enabled;

  const change = (enabled: boolean) => {
    setPending(enabled);
    toggle.mutate({ sourceId: source.id, enabled }, { onSettled: () => setPending(null) });
  };

  return (
    <div className="switch-field">
      <input
        id={id}
        type="checkbox"
        role="switch"
        className="switch"
        checked={isEnabled}
        aria-describedby={hintId}
        onChange={(event) => change(event.target.checked)}
      />
      <label htmlFor={id} className="switch-field__label">
        {t('dialog.enabled')}
      </label>
      <p id={hintId} className="form__hint switch-field__hint">
        {isEnabled ? t('dialog.enabledOn') : t('dialog.enabledOff')}
      </p>
      {toggle.isError && (
        <p className="form-error switch-field__error" role="alert" dir="auto">
          {t('dialog.toggleFailed', { message: toggle.error.message })}
        </p>
      )}
    </div>
  );
}
