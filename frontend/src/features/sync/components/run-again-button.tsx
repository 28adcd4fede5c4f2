import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import type { SyncRun } from '@hamgam/shared';
import { Button } from '../../../components/ui/button';
import { useTriggerRun } from '../api/trigger-run';

export type RunAgainButtonProps = { run: Pick<SyncRun, 'sourceId' | 'mode'> };

/** Starts the same source again in the same mode and opens the new run. */
export function RunAgainButton({ run }: RunAgainButtonProps) {
  const { t } = useTranslation('sync');
  const navigate = useNavigate();
  const triggerRun = useTriggerRun();
  const start = () =>
    triggerRun.mutate({ sourceId: run.sourceId, ...(run.mode ? { mode: run.mode } : {}) }, { onSuccess: (started) => void navigate(`/runs/${started.id}`) });
  return (
    <div className="run-again">
      <Button variant="primary" onClick={start} isBusy={triggerRun.isPending}>
        {t('failure.runAgain')}
      </Button>
      {triggerRun.error && (
        <p className="form-error" role="alert">
          {t('failure.runAgainFailed', { message: triggerRun.error.message })}
        </p>
      )}
    </div>
  );
}
