import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DeliveryStatus } from '@hamgam/shared';
import { Badge, type BadgeTone } from '../../../components/ui/badge';
import { Pagination } from '../../../components/ui/pagination';
import { formatDateTime, formatNumber } from '../../../lib/format';
import { DELIVERIES_PAGE_SIZE, useDeliveries } from '../api/get-deliveries';

const TONE: Record<DeliveryStatus, BadgeTone> = { pending: 'info', sent: 'success', failed: 'danger' };

/** Every delivery, newest first: what was sent to which channel, how many tries it took and why the last one failed. */
export function DeliveriesSection() {
  const { t, i18n } = useTranslation('alerts');
  const [page, setPage] = useState(1);
  const deliveries = useDeliveries(page);

  return (
    <section className="card" aria-labelledby="alert-deliveries-title">
      <h2 id="alert-deliveries-title" className="section-title">
        {t('deliveries.title')}
      </h2>
      {deliveries.isPending && <p className="muted">{t('common:status.loading')}</p>}
      {deliveries.isError && <p className="form-error">{deliveries.error.message}</p>}
      {deliveries.data?.total === 0 && <p className="muted">{t('deliveries.empty')}</p>}
      {deliveries.data && deliveries.data.total > 0 && (
        <>
          <div className="table-scroll">
            <table className="table" aria-labelledby="alert-deliveries-title">
              <thead>
                <tr>
                  <th scope="col">{t('deliveries.at')}</th>
                  <th scope="col">{t('deliveries.channel')}</th>
                  <th scope="col">{t('deliveries.event')}</th>
                  <th scope="col">{t('deliveries.source')}</th>
                  <th scope="col">{t('deliveries.status')}</th>
                  <th scope="col">{t('deliveries.attempts')}</th>
                  <th scope="col">{t('deliveries.lastError')}</th>
                </tr>
              </thead>
              <tbody>
                {deliveries.data.items.map((delivery) => (
                  <tr key={delivery.id}>
                    <td>{formatDateTime(delivery.sentAt ?? delivery.createdAt, i18n.language)}</td>
                    <td dir="auto">{delivery.channelId ? delivery.channelName : t('deliveries.deletedChannel', { name: delivery.channelName })}</td>
                    <td>{t(`events.${delivery.event}`)}</td>
                    <td>{delivery.sourceId ? t(`sources:${delivery.sourceId}.name`, { defaultValue: delivery.sourceId }) : '—'}</td>
                    <td>
                      <Badge tone={TONE[delivery.status]}>{t(`statuses.${delivery.status}`)}</Badge>
                    </td>
                    <td>{formatNumber(delivery.attempts, i18n.language)}</td>
                    <td dir="ltr">{delivery.lastError ?? '—'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <Pagination page={page} pageSize={DELIVERIES_PAGE_SIZE} total={deliveries.data.total} onPageChange={setPage} />
        </>
      )}
    </section>
  );
}
