import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { IncidentStatus } from '@hamgam/shared';
import { Badge } from '../../../components/ui/badge';
import { Button } from '../../../components/ui/button';
import { Pagination } from '../../../components/ui/pagination';
import { formatDateTime, formatNumber } from '../../../lib/format';
import { INCIDENTS_PAGE_SIZE, useIncidents } from '../api/get-incidents';

/** Open or resolved incidents: the source, what happened, when it was first and last seen. */
export function IncidentsSection() {
  const { t, i18n } = useTranslation('alerts');
  const [status, setStatus] = useState<IncidentStatus>('open');
  const [page, setPage] = useState(1);
  const incidents = useIncidents(status, page);
  const choose = (next: IncidentStatus) => {
    setStatus(next);
    setPage(1);
  };

  return (
    <section className="card" aria-labelledby="alert-incidents-title" id="incidents">
      <div className="section-header">
        <h2 id="alert-incidents-title" className="section-title">
          {t('incidents.title')}
        </h2>
        <div className="row-actions" role="group" aria-label={t('incidents.title')}>
          {(['open', 'resolved'] as const).map((option) => (
            <Button key={option} variant={status === option ? 'primary' : 'secondary'} aria-pressed={status === option} onClick={() => choose(option)}>
              {t(`incidents.${option}`)}
            </Button>
          ))}
        </div>
      </div>
      {incidents.isPending && <p className="muted">{t('common:status.loading')}</p>}
      {incidents.isError && <p className="form-error">{incidents.error.message}</p>}
      {incidents.data?.total === 0 && <p className="muted">{t('incidents.empty')}</p>}
      {incidents.data && incidents.data.total > 0 && (
        <>
          <div className="table-scroll">
            <table className="table" aria-labelledby="alert-incidents-title">
              <thead>
                <tr>
                  <th scope="col">{t('incidents.source')}</th>
                  <th scope="col">{t('incidents.kind')}</th>
                  <th scope="col">{t('incidents.firstAt')}</th>
                  <th scope="col">{t('incidents.lastAt')}</th>
                  {status === 'resolved' && <th scope="col">{t('incidents.resolvedAt')}</th>}
                  <th scope="col">{t('incidents.count')}</th>
                </tr>
              </thead>
              <tbody>
                {incidents.data.items.map((incident) => (
                  <tr key={incident.id}>
                    <th scope="row">{t(`sources:${incident.sourceId}.name`, { defaultValue: incident.sourceId })}</th>
                    <td>
                      <Badge tone={incident.kind === 'failing' ? 'danger' : 'warning'}>{t(`incidents.kinds.${incident.kind}`)}</Badge>
                    </td>
                    <td>{formatDateTime(incident.openedAt, i18n.language)}</td>
                    <td>{formatDateTime(incident.lastSeenAt, i18n.language)}</td>
                    {status === 'resolved' && <td>{incident.resolvedAt ? formatDateTime(incident.resolvedAt, i18n.language) : '—'}</td>}
                    <td>{incident.kind === 'failing' ? formatNumber(incident.count, i18n.language) : '—'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <Pagination page={page} pageSize={INCIDENTS_PAGE_SIZE} total={incidents.data.total} onPageChange={setPage} />
        </>
      )}
    </section>
  );
}
