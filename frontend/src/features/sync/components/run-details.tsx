import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { SyncRun } from '@hamgam/shared';
import { Button } from '../../../components/ui/button';
import { ProgressBar } from '../../../components/ui/progress-bar';
import { formatDateTime, formatDuration, formatNumber } from '../../../lib/format';
import { useIsAdmin } from '../../../lib/session';
import { progressMessage, sourceName, stageLabel, triggerLabel } from '../utils/labels';
import { elapsedMs, isActiveRun } from '../utils/run-status';
import { CancelRunDialog } from './cancel-run-dialog';
import { HeldDeletionsPanel } from './held-deletions-panel';
import { RunAgainButton } from './run-again-button';
import { RunChanges } from './run-changes';
import { RunCountBars } from './run-count-bars';
import { RunError } from './run-error';
import { RunLogView } from './run-log-view';
import { RunRejections } from './run-rejections';
import { RunStatusBadge } from './run-status-badge';

export type RunDetailsProps = { run: SyncRun };

/** Every field of one run, then its changes, its rejections and its log. */
export function RunDetails({ run }: RunDetailsProps) {
  const { t, i18n } = useTranslation('sync');
  const lng = i18n.language;
  const [isCancelOpen, setIsCancelOpen] = useState(false);
  const isAdmin = useIsAdmin();
  const isActive = isActiveRun(run);
  const none = t('common:status.notAvailable');
  const date = (iso: string | null) => (iso ? <time dateTime={iso}>{formatDateTime(iso, lng, { seconds: true })}</time> : none);
  const duration = elapsedMs(run);
  const percentText = run.percent === null ? null : t('activeRun.percent', { percent: formatNumber(Math.round(run.percent), lng) });

  // Each fact once: a finished run has no progress message, a cancelled run no error (its status, who and why say
  // it), a failed run's error is the sentence above the facts.
  const fields: [string, ReactNode][] = [
    ['source', sourceName(t, run.sourceId)],
    ['status', <RunStatusBadge key="status" status={run.status} isDryRun={run.dryRun} />],
    ['trigger', triggerLabel(t, run.trigger)],
    ['triggeredBy', run.triggeredBy ? <span dir="auto">{run.triggeredBy}</span> : none],
    ['reason', run.reason ? <span dir="auto">{run.reason}</span> : none],
    ['stage', run.stage ? stageLabel(t, run.sourceId, run.stage) : none],
    ['percent', percentText ?? none],
  ];
  if (isActive) fields.push(['message', progressMessage(t, run, lng) ?? none]);
  fields.push(['createdAt', date(run.createdAt)], ['startedAt', date(run.startedAt)], ['finishedAt', date(run.finishedAt)]);
  fields.push(['duration', duration === null ? none : formatDuration(duration, lng)]);
  if (run.status === 'cancelled') {
    fields.push(['cancelledBy', run.cancelledBy ? <span dir="auto">{run.cancelledBy}</span> : none]);
    fields.push(['cancelReason', run.cancelReason ? <span dir="auto">{run.cancelReason}</span> : none]);
  }

  return (
    <div className="run-details">
      <section className="card" aria-labelledby="run-summary-title">
        <h2 id="run-summary-title" className="section-title">
          {t('runDetails.summary')}
        </h2>
        {isActive && (
          <div className="run-details__progress">
            <ProgressBar
              value={run.percent}
              label={t('activeRun.progressLabel', { source: sourceName(t, run.sourceId) })}
              valueText={percentText ?? (run.stage ? stageLabel(t, run.sourceId, run.stage) : undefined)}
            />
            {isAdmin && (
              <Button variant="danger" onClick={() => setIsCancelOpen(true)}>
                {t('activeRun.cancel')}
              </Button>
            )}
          </div>
        )}
        {run.status === 'failed' && (
          <div className="run-details__failure">
            <RunError run={run} />
            {isAdmin && <RunAgainButton run={run} />}
          </div>
        )}
        <dl className="facts facts--grid">
          {fields.map(([key, value]) => (
            <div key={key}>
              <dt>{t(`runDetails.fields.${key}`)}</dt>
              <dd>{value}</dd>
            </div>
          ))}
        </dl>
        {run.dryRun && <p className="notice">{t('dryRun.notice')}</p>}
        <h3 className="section-title">{t('runDetails.counts')}</h3>
        <RunCountBars counts={run.counts} sourceId={run.sourceId} />
      </section>
      {run.heldDeletions > 0 && <HeldDeletionsPanel run={run} />}
      <RunChanges runId={run.id} sourceId={run.sourceId} isRunActive={isActive} />
      <RunRejections runId={run.id} sourceId={run.sourceId} isRunActive={isActive} />
      <RunLogView runId={run.id} isRunActive={isActive} />
      {isCancelOpen && <CancelRunDialog run={run} onClose={() => setIsCancelOpen(false)} />}
    </div>
  );
}
