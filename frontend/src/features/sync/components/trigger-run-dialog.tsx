import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { RunMode } from '@hamgam/shared';
import { Button } from '../../../components/ui/button';
import { Dialog } from '../../../components/ui/dialog';
import { isApiError } from '../../../lib/api-client';
import { formatDateTime, localizeDigits } from '../../../lib/format';
import { useTriggerRun } from '../api/trigger-run';
import { sourceName } from '../utils/labels';

/**
 * `modes`: the source's run modes, the default first; a choice is shown when there are any. `canDryRun`: the source
 * can compare without storing (a checkbox is shown).
 */
export type TriggerRunDialogProps = { sourceId: string; modes?: RunMode[]; canDryRun?: boolean; onClose: () => void };

/** Confirms a manual run, with an optional reason; a 409 names the run already in progress. */
export function TriggerRunDialog({ sourceId, modes = [], canDryRun = false, onClose }: TriggerRunDialogProps) {
  const { t, i18n } = useTranslation('sync');
  const lng = i18n.language;
  const [reason, setReason] = useState('');
  const [mode, setMode] = useState<RunMode | undefined>(modes[0]);
  const [isDryRun, setIsDryRun] = useState(false);
  const dryRunHintId = useId();
  const triggerRun = useTriggerRun();
  const formId = useId();
  const reasonId = useId();
  const reasonHintId = useId();

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const trimmed = reason.trim();
    triggerRun.mutate(
      { sourceId, ...(mode ? { mode } : {}), ...(trimmed ? { reason: trimmed } : {}), ...(isDryRun ? { dryRun: true } : {}) },
      { onSuccess: onClose },
    );
  };

  const error = triggerRun.error;
  const conflict = isApiError(error) && error.status === 409 ? error : null;
  const activeRun = conflict?.body?.activeRun ?? null;

  return (
    <Dialog
      title={t('triggerDialog.title', { source: sourceName(t, sourceId) })}
      description={t('triggerDialog.description')}
      onClose={onClose}
      actions={
        <>
          <Button type="submit" form={formId} variant="primary" isBusy={triggerRun.isPending}>
            {isDryRun ? t('triggerDialog.confirmDryRun') : t('triggerDialog.confirm')}
          </Button>
          <Button onClick={onClose}>{t('triggerDialog.cancel')}</Button>
        </>
      }
    >
      <form id={formId} className="form" onSubmit={submit}>
        <label htmlFor={reasonId} className="form__label">
          {t('triggerDialog.reason')}
        </label>
        <textarea
          id={reasonId}
          className="form__control"
          rows={3}
          maxLength={500}
          value={reason}
          onChange={(event) => setReason(event.target.value)}
          aria-describedby={reasonHintId}
        />
        <p id={reasonHintId} className="form__hint">
          {t('triggerDialog.reasonHint')}
        </p>
        {modes.length > 0 && (
          <fieldset className="form__choices">
            <legend className="form__label">{t('triggerDialog.mode')}</legend>
            {modes.map((option) => (
              <label key={option} className="form__choice">
                <input type="radio" name="mode" value={option} checked={mode === option} onChange={() => setMode(option)} />
                <span>
                  {t(`triggerDialog.modes.${option}`, { defaultValue: option })}
                  <span className="form__hint">{t(`triggerDialog.modes.${option}Hint`, { defaultValue: '' })}</span>
                </span>
              </label>
            ))}
          </fieldset>
        )}
        {canDryRun && (
          <label className="form__choice">
            <input type="checkbox" checked={isDryRun} onChange={(event) => setIsDryRun(event.target.checked)} aria-describedby={dryRunHintId} />
            <span>
              {t('triggerDialog.dryRun')}
              <span id={dryRunHintId} className="form__hint">
                {t('triggerDialog.dryRunHint')}
              </span>
            </span>
          </label>
        )}
      </form>
      {conflict && (
        <div className="notice notice--warning" role="alert">
          <p>{t('triggerDialog.alreadyRunning')}</p>
          {activeRun && (
            <p>
              {t('triggerDialog.activeRunSummary', {
                id: localizeDigits(activeRun.id, lng),
                status: t(`statuses.${activeRun.status}`),
                time: formatDateTime(activeRun.startedAt ?? activeRun.createdAt, lng),
              })}{' '}
              <Link to={`/runs/${activeRun.id}`}>{t('triggerDialog.viewActiveRun', { id: localizeDigits(activeRun.id, lng) })}</Link>
            </p>
          )}
        </div>
      )}
      {error && !conflict && (
        <p className="form-error" role="alert">
          {t('triggerDialog.failed', { message: error.message })}
        </p>
      )}
    </Dialog>
  );
}
