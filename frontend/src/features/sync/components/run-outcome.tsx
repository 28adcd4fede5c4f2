import { useTranslation } from 'react-i18next';
import type { SyncRun } from '@hamgam/shared';
import { RunError } from './run-error';

export type RunOutcomeProps = {
  run: Pick<SyncRun, 'sourceId' | 'status' | 'errorKind' | 'errorMessage' | 'cancelledBy' | 'cancelReason' | 'retries' | 'heldDeletions'>;
  isCompact?: boolean;
};

/**
 * How a run ended, said once: a failed run's error, a cancelled run's who and why (not as an error), the deletions
 * a run holds for approval; else nothing.
 */
export function RunOutcome({ run, isCompact = false }: RunOutcomeProps) {
  const { t } = useTranslation('sync');
  if (run.status === 'failed') return <RunError run={run} isCompact={isCompact} />;
  if (run.status === 'awaiting_approval') return <p className="run-awaiting">{t('outcome.awaitingApproval', { count: run.heldDeletions })}</p>;
  if (run.status !== 'cancelled') return null;
  return (
    <div className="run-cancelled">
      <p>{run.cancelledBy ? t('outcome.cancelledBy', { user: run.cancelledBy }) : t('outcome.cancelled')}</p>
      {run.cancelReason && <p>{t('outcome.cancelReason', { reason: run.cancelReason })}</p>}
    </div>
  );
}
