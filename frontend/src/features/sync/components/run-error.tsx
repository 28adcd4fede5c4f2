import { useTranslation } from 'react-i18next';
import type { SyncRun } from '@hamgam/shared';
import { errorKindLabel } from '../utils/labels';

export type RunErrorProps = { run: Pick<SyncRun, 'errorKind' | 'errorMessage'> };

export function RunError({ run }: RunErrorProps) {
  const { t } = useTranslation('sync');
  if (!run.errorKind && !run.errorMessage) return null;
  return (
    <div className="run-error">
      {run.errorKind && <strong className="run-error__kind">{errorKindLabel(t, run.errorKind)}</strong>}
      {run.errorMessage && (
        // Server text is mostly English; let the browser pick its direction.
        <p className="run-error__message" dir="auto">
          {run.errorMessage}
        </p>
      )}
    </div>
  );
}
