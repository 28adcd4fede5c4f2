import { useTranslation } from 'react-i18next';
import type { Source } from '@hamgam/shared';
import { formatDateTime, formatDuration, formatNumber, formatRelative } from '../../../lib/format';
import { liveRecords, useSourceStats } from '../api/get-source-stats';
import { useRuns } from '../api/get-runs';
import { sourceName } from '../utils/labels';
import { elapsedMs } from '../utils/run-status';
import { DurationSparkline } from './duration-sparkline';
import { HealthBadge } from './health-badge';
import { RECENT_RUNS_PAGE_SIZE } from './recent-runs';
import { RunStatusBadge } from './run-status-badge';

export type SourceOverviewRowProps = { source: Source; now: Date };

/** A moment as Jalali (fa) or Gregorian (en) date and time, with how long ago or how soon beside it. */
function When({ iso, now }: { iso: string; now: Date }) {
  const { i18n } = useTranslation();
  return (
    <>
      <time dateTime={iso}>{formatDateTime(iso, i18n.language)}</time>
      <span className="overview__relative muted">{formatRelative(iso, i18n.language, now)}</span>
    </>
  );
}

/** One source in the dashboard's table: its health, last success, last run, next run, records and recent durations. */
export function SourceOverviewRow({ source, now }: SourceOverviewRowProps) {
  const { t, i18n } = useTranslation('sync');
  const stats = useSourceStats(source.id, { enabled: source.hasRecords });
  // The same page the card's "recent runs" shows, so both share one cached query.
  const runs = useRuns({ sourceId: source.id, pageSize: RECENT_RUNS_PAGE_SIZE });
  const notAvailable = t('common:status.notAvailable');
  const lastRun = source.activeRun ?? source.lastRun;
  const duration = lastRun ? elapsedMs(lastRun) : null;
  const nextRunAt = source.autoSync.nextRunAt;

  return (
    <tr data-source-id={source.id}>
      <th scope="row">
        <a href={`#source-${source.id}`}>{sourceName(t, source.id)}</a>
      </th>
      <td>
        <HealthBadge health={source.health} />
      </td>
      <td>{source.health.lastSuccessAt ? <When iso={source.health.lastSuccessAt} now={now} /> : notAvailable}</td>
      <td>
        {lastRun ? (
          <span className="overview__run">
            <RunStatusBadge status={lastRun.status} isDryRun={lastRun.dryRun} />
            {duration !== null && <span className="muted">{formatDuration(duration, i18n.language)}</span>}
          </span>
        ) : (
          notAvailable
        )}
      </td>
      <td>{nextRunAt ? <When iso={nextRunAt} now={now} /> : t('overview.noSchedule')}</td>
      <td className="overview__number">{stats.data ? formatNumber(liveRecords(stats.data), i18n.language) : notAvailable}</td>
      <td>{runs.data ? <DurationSparkline runs={runs.data.items.filter((run) => run.finishedAt !== null)} /> : notAvailable}</td>
    </tr>
  );
}
