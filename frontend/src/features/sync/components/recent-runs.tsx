import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { formatDateTime, formatDuration, localizeDigits } from '../../../lib/format';
import { useRuns } from '../api/get-runs';
import { sourceName, triggerLabel } from '../utils/labels';
import { elapsedMs } from '../utils/run-status';
import { RunCounts } from './run-counts';
import { RunStatusBadge } from './run-status-badge';

export const RECENT_RUNS_PAGE_SIZE = 10;

export type RecentRunsProps = { sourceId: string };

/** The latest runs of one source, behind a disclosure button; fetched only once opened. */
export function RecentRuns({ sourceId }: RecentRunsProps) {
  const { t, i18n } = useTranslation('sync');
  const lng = i18n.language;
  const [isOpen, setIsOpen] = useState(false);
  const panelId = useId();
  const runs = useRuns({ sourceId, pageSize: RECENT_RUNS_PAGE_SIZE }, { enabled: isOpen });

  return (
    <div className="recent-runs">
      <button type="button" className="disclosure" aria-expanded={isOpen} aria-controls={panelId} onClick={() => setIsOpen((open) => !open)}>
        {t('recentRuns.toggle')}
      </button>
      <div id={panelId} hidden={!isOpen}>
        {isOpen && runs.isPending && <p className="muted">{t('common:status.loading')}</p>}
        {isOpen && runs.isError && <p className="form-error">{runs.error.message}</p>}
        {runs.data && runs.data.items.length === 0 && <p className="muted">{t('recentRuns.empty')}</p>}
        {runs.data && runs.data.items.length > 0 && (
          <div className="table-scroll">
            <table className="table">
              <caption className="visually-hidden">{t('recentRuns.title', { source: sourceName(t, sourceId) })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('recentRuns.columns.run')}</th>
                  <th scope="col">{t('recentRuns.columns.status')}</th>
                  <th scope="col">{t('recentRuns.columns.trigger')}</th>
                  <th scope="col">{t('recentRuns.columns.startedAt')}</th>
                  <th scope="col">{t('recentRuns.columns.duration')}</th>
                  <th scope="col">{t('recentRuns.columns.counts')}</th>
                </tr>
              </thead>
              <tbody>
                {runs.data.items.map((run) => {
                  const startedAt = run.startedAt ?? run.createdAt;
                  const duration = elapsedMs(run);
                  return (
                    <tr key={run.id}>
                      <th scope="row">
                        <Link to={`/runs/${run.id}`}>{t('recentRuns.run', { id: localizeDigits(run.id, lng) })}</Link>
                      </th>
                      <td>
                        <RunStatusBadge status={run.status} isDryRun={run.dryRun} />
                      </td>
                      <td>{triggerLabel(t, run.trigger)}</td>
                      <td>
                        <time dateTime={startedAt}>{formatDateTime(startedAt, lng)}</time>
                      </td>
                      <td>{duration === null ? t('common:status.notAvailable') : formatDuration(duration, lng)}</td>
                      <td>
                        <RunCounts counts={run.counts} isCompact />
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        )}
      </div>
    </div>
  );
}
