import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SyncRun } from '@hamgam/shared';
import { Button } from '../../../components/ui/button';
import { Dialog } from '../../../components/ui/dialog';
import { useCancelRun } from '../api/cancel-run';
import { sourceName } from '../utils/labels';

export type CancelRunDialogProps = { run: SyncRun; onClose: () => void };

export function CancelRunDialog({ run, onClose }: CancelRunDialogProps) {
  const { t } = useTranslation('sync');
  const cancelRun = useCancelRun();
  const dismissRef = useRef<HTMLButtonElement>(null);
  const error = cancelRun.error;
  const [reason, setReason] = useState('');
  const reasonId = useId();

  const confirm = () => {
    const trimmed = reason.trim();
    cancelRun.mutate({ runId: run.id, ...(trimmed ? { reason: trimmed } : {}) }, { onSuccess: onClose });
  };

  return (
    <Dialog
      title={t('cancelDialog.title', { source: sourceName(t, run.sourceId) })}
      description={t('cancelDialog.description')}
      onClose={onClose}
      initialFocusRef={dismissRef}
      actions={
        <>
          <Button variant="danger" onClick={confirm} isBusy={cancelRun.isPending}>
            {t('cancelDialog.confirm')}
          </Button>
          <Button ref={dismissRef} onClick={onClose}>
            {t('cancelDialog.dismiss')}
          </Button>
        </>
      }
    >
      <div className="form">
        <label htmlFor={reasonId} className="form__label">
          {t('cancelDialog.reason')}
        </label>
        <textarea id={reasonId} className="form__control" rows={2} maxLength={500} value={reason} onChange={(event) => setReason(event.target.value)} />
      </div>
      {error && (
        <p className="form-error" role="alert">
          {t('cancelDialog.failed', { message: error.message })}
        </p>
      )}
    </Dialog>
  );
}
