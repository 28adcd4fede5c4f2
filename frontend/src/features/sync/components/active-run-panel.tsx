import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { SyncRun } from '@hamgam/shared';
import { Button } from '../../../components/ui/button';
import { ProgressBar } from '../../../components/ui/progress-bar';
import { formatNumber, localizeDigits } from '../../../lib/format';
import { useIsAdmin } from '../../../lib/session';
import { progressMessage, sourceName, stageLabel } from '../utils/labels';
import { RunCounts } from './run-counts';
import { RunStatusBadge } from './run-status-badge';

/** `onCancel` opens the cancel dialog, which its parent holds so it outlives the panel once the run ends. */
export type ActiveRunPanelProps = { run: SyncRun; onCancel: () => void };

/** A run in progress: its stage, message, progress bar, counts so far, and a Cancel button. */
export function ActiveRunPanel({ run, onCancel }: ActiveRunPanelProps) {
  const { t, i18n } = useTranslation('sync');
  const lng = i18n.language;
  const isAdmin = useIsAdmin();
  const stage = run.stage ? stageLabel(t, run.sourceId, run.stage) : null;
  const message = progressMessage(t, run, lng);
  const percentText = run.percent === null ? undefined : t('activeRun.percent', { percent: formatNumber(Math.round(run.percent), lng) });

  return (
    <section className="active-run" aria-label={t('runDetails.title', { id: localizeDigits(run.id, lng) })}>
      <div className="active-run__header">
        <RunStatusBadge status={run.status} isDryRun={run.dryRun} />
        <Link to={`/runs/${run.id}`} className="active-run__link">
          {t('recentRuns.run', { id: localizeDigits(run.id, lng) })}
        </Link>
        {percentText && <span className="active-run__percent">{percentText}</span>}
      </div>
      {(stage || message) && (
        <p className="active-run__stage" aria-live="polite">
          {stage && <strong>{stage}</strong>}
          {message && (
            <span className="active-run__message" dir="auto">
              {message}
            </span>
          )}
        </p>
      )}
      <ProgressBar
        value={run.percent}
        label={t('activeRun.progressLabel', { source: sourceName(t, run.sourceId) })}
        valueText={percentText ?? stage ?? undefined}
      />
      <RunCounts counts={run.counts} isCompact />
      {isAdmin && (
        <div className="active-run__actions">
          <Button variant="danger" onClick={onCancel}>
            {t('activeRun.cancel')}
          </Button>
        </div>
      )}
    </section>
  );
}
