import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router-dom';
import type { RunSortField, SortOrder, SyncRun } from '@hamgam/shared';
import { formatDateTime, formatDuration, formatNumber, localizeDigits } from '../../../../lib/format';
import { sourceName, triggerLabel } from '../../utils/labels';
import { elapsedMs } from '../../utils/run-status';
import { RunOutcome } from '../run-outcome';
import { RunStatusBadge } from '../run-status-badge';

export type HistoryTableProps = {
  runs: SyncRun[];
  sort: RunSortField;
  order: SortOrder;
  onSort: (sort: RunSortField, order: SortOrder) => void;
};

export function HistoryTable({ runs, sort, order, onSort }: HistoryTableProps) {
  const { t, i18n } = useTranslation('sync');
  const lng = i18n.language;
  // A run page's back link returns here with the same filters, sort and page (they live in the URL).
  const location = useLocation();
  const back = { back: `${location.pathname}${location.search}` };

  const sortable = (field: RunSortField, label: string) => {
    const isSorted = sort === field;
    const next: SortOrder = isSorted && order === 'desc' ? 'asc' : 'desc';
    return (
      <th scope="col" aria-sort={isSorted ? (order === 'asc' ? 'ascending' : 'descending') : 'none'}>
        <button type="button" className="sort-button" onClick={() => onSort(field, next)}>
          {label}
          <span aria-hidden="true">{isSorted ? (order === 'asc' ? ' ▲' : ' ▼') : ''}</span>
        </button>
      </th>
    );
  };

  return (
    <div className="table-scroll">
      <table className="table history-table">
        <caption className="visually-hidden">{t('history.tableCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('recentRuns.columns.run')}</th>
            <th scope="col">{t('history.source')}</th>
            <th scope="col">{t('recentRuns.columns.status')}</th>
            <th scope="col">{t('recentRuns.columns.trigger')}</th>
            <th scope="col">{t('history.triggeredBy')}</th>
            {sortable('createdAt', t('recentRuns.columns.startedAt'))}
            {sortable('durationMs', t('recentRuns.columns.duration'))}
            {sortable('fetched', t('counts.fetched'))}
            {sortable('rejected', t('counts.rejected'))}
            <th scope="col">{t('history.outcome')}</th>
          </tr>
        </thead>
        <tbody>
          {runs.map((run) => {
            const startedAt = run.startedAt ?? run.createdAt;
            const duration = elapsedMs(run);
            return (
              <tr key={run.id}>
                <th scope="row">
                  <Link to={`/runs/${run.id}`} state={back}>
                    {t('recentRuns.run', { id: localizeDigits(run.id, lng) })}
                  </Link>
                </th>
                <td>{sourceName(t, run.sourceId)}</td>
                <td>
                  <RunStatusBadge status={run.status} isDryRun={run.dryRun} />
                </td>
                <td>{triggerLabel(t, run.trigger)}</td>
                <td>{run.triggeredBy ? <bdi>{run.triggeredBy}</bdi> : t('common:status.notAvailable')}</td>
                <td>
                  <time dateTime={startedAt}>{formatDateTime(startedAt, lng)}</time>
                </td>
                <td className="history-table__duration">{duration === null ? t('common:status.notAvailable') : formatDuration(duration, lng)}</td>
                <td>{formatNumber(run.counts.fetched, lng)}</td>
                <td>{formatNumber(run.counts.rejected, lng)}</td>
                <td className="history-table__error">
                  <RunOutcome run={run} isCompact />
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
