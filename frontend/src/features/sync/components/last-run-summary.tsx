import { useTranslation } from 'react-i18next';
import type { SyncRun } from '@hamgam/shared';
import { formatDateTime, formatDuration } from '../../../lib/format';
import { triggerLabel } from '../utils/labels';
import { elapsedMs } from '../utils/run-status';
import { RunCounts } from './run-counts';
import { RunOutcome } from './run-outcome';
import { RunStatusBadge } from './run-status-badge';

export type LastRunSummaryProps = { run: SyncRun | null };

export function LastRunSummary({ run }: LastRunSummaryProps) {
  const { t, i18n } = useTranslation('sync');
  if (!run) return <p className="muted">{t('sourceCard.neverRun')}</p>;
  const startedAt = run.startedAt ?? run.createdAt;
  const duration = elapsedMs(run);
  return (
    <section className="last-run" aria-label={t('sourceCard.lastRun')}>
      <h3 className="section-title">{t('sourceCard.lastRun')}</h3>
      <dl className="facts">
        <div>
          <dt className="visually-hidden">{t('runDetails.fields.status')}</dt>
          <dd>
            <RunStatusBadge status={run.status} isDryRun={run.dryRun} />
          </dd>
        </div>
        <div>
          <dt>{t('sourceCard.startedAt')}</dt>
          <dd>
            <time dateTime={startedAt}>{formatDateTime(startedAt, i18n.language)}</time>
          </dd>
        </div>
        {duration !== null && (
          <div>
            <dt>{t('sourceCard.duration')}</dt>
            <dd>{formatDuration(duration, i18n.language)}</dd>
          </div>
        )}
        <div>
          <dt>{t('sourceCard.trigger')}</dt>
          <dd>{triggerLabel(t, run.trigger)}</dd>
        </div>
      </dl>
      <RunCounts counts={run.counts} sourceId={run.sourceId} />
      <RunOutcome run={run} />
    </section>
  );
}
