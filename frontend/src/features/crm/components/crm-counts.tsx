import { useTranslation } from 'react-i18next';
import type { Source } from '@hamgam/shared';
import { Badge } from '../../../components/ui/badge';
import { formatNumber } from '../../../lib/format';
import { useCrmStats } from '../api/get-stats';
import { crmTableLabel } from '../utils/labels';

export type CrmCountsProps = { source: Source };

/** Our live rows beside the CRM's per table, a difference flagged; what waits to be pushed and the open conflicts. */
export function CrmCounts({ source }: CrmCountsProps) {
  const { t, i18n } = useTranslation('sources', { keyPrefix: 'crm.counts' });
  const { t: ts } = useTranslation('sources');
  const lng = i18n.language;
  const stats = useCrmStats(source.lastRun?.id ?? null);
  if (!stats.data) return null;
  const { tables, pendingPush, openConflicts } = stats.data;
  return (
    <div className="crm-counts">
      <table className="table crm-counts__table">
        <caption className="visually-hidden">{t('caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('table')}</th>
            <th scope="col">{t('ours')}</th>
            <th scope="col">{t('theirs')}</th>
          </tr>
        </thead>
        <tbody>
          {tables.map((row) => {
            const differs = row.upstream !== null && row.upstream !== row.live;
            return (
              <tr key={row.table}>
                <th scope="row">{crmTableLabel(ts, row.table)}</th>
                <td>{formatNumber(row.live, lng)}</td>
                <td>
                  {row.upstream === null ? <span className="muted">{t('unknown')}</span> : formatNumber(row.upstream, lng)}{' '}
                  {differs && <Badge tone="warning">{t('differs', { n: formatNumber(row.upstream! - row.live, lng) })}</Badge>}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <ul className="crm-counts__queue muted">
        <li>{t('pending', { count: pendingPush, n: formatNumber(pendingPush, lng) })}</li>
        <li>{t('conflicts', { count: openConflicts, n: formatNumber(openConflicts, lng) })}</li>
      </ul>
    </div>
  );
}
