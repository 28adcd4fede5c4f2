import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SyncRun } from '@hamgam/shared';
import { Button } from '../../../components/ui/button';
import { Dialog } from '../../../components/ui/dialog';
import { isApiError } from '../../../lib/api-client';
import { useCancelRun } from '../api/cancel-run';
import { sourceName } from '../utils/labels';
import { isActiveRun } from '../utils/run-status';

/** `run` is the live run (its parent follows it), so the dialog sees it turn `cancelled` or end another way. */
export type CancelRunDialogProps = { run: SyncRun; onClose: () => void };

/** Asks to confirm, then says "cancelling…" until the run has stopped, and how it ended. */
export function CancelRunDialog({ run, onClose }: CancelRunDialogProps) {
  const { t } = useTranslation('sync');
  const cancelRun = useCancelRun();
  const dismissRef = useRef<HTMLButtonElement>(null);
  const [reason, setReason] = useState('');
  const reasonId = useId();
  const isAsked = cancelRun.isPending || cancelRun.isSuccess;
  // 409: the run was already final when the request arrived.
  const hasEndedFirst = isApiError(cancelRun.error) && cancelRun.error.status === 409;
  const isActive = isActiveRun(run);

  const confirm = () => {
    const trimmed = reason.trim();
    cancelRun.mutate({ runId: run.id, ...(trimmed ? { reason: trimmed } : {}) });
  };

  let outcome: string | null = null;
  if (hasEndedFirst || (!isActive && !isAsked)) outcome = t('cancelDialog.alreadyEnded', { status: t(`statuses.${run.status}`) });
  else if (isAsked && isActive) outcome = t('cancelDialog.cancelling');
  else if (isAsked && run.status === 'cancelled') outcome = t('cancelDialog.cancelled');
  else if (isAsked) outcome = t('cancelDialog.alreadyEnded', { status: t(`statuses.${run.status}`) });
  const canConfirm = outcome === null;

  return (
    <Dialog
      title={t('cancelDialog.title', { source: sourceName(t, run.sourceId) })}
      description={canConfirm ? t('cancelDialog.description') : undefined}
      onClose={onClose}
      initialFocusRef={dismissRef}
      actions={
        <>
          {canConfirm && (
            <Button variant="danger" onClick={confirm} isBusy={cancelRun.isPending}>
              {t('cancelDialog.confirm')}
            </Button>
          )}
          <Button ref={dismissRef} onClick={onClose}>
            {canConfirm ? t('cancelDialog.dismiss') : t('cancelDialog.close')}
          </Button>
        </>
      }
    >
      {canConfirm && (
        <div className="form">
          <label htmlFor={reasonId} className="form__label">
            {t('cancelDialog.reason')}
          </label>
          <textarea id={reasonId} className="form__control" rows={2} maxLength={500} value={reason} onChange={(event) => setReason(event.target.value)} />
        </div>
      )}
      <p className="cancel-dialog__outcome" role="status">
        {outcome}
      </p>
      {cancelRun.error && !hasEndedFirst && (
        <p className="form-error" role="alert">
          {t('cancelDialog.failed', { message: cancelRun.error.message })}
        </p>
      )}
    </Dialog>
  );
}
