import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CrmConflict, CrmResolution } from '@hamgam/shared';
import { Badge } from '../../../components/ui/badge';
import { Button } from '../../../components/ui/button';
import { Dialog } from '../../../components/ui/dialog';
import { formatDateTime, formatNumber } from '../../../lib/format';
import { isApiError } from '../../../lib/api-client';
import { useIsAdmin } from '../../../lib/session';
import { useResolveCrmConflict } from '../api/resolve-conflict';
import { compareVersions } from '../utils/compare';
import { crmDisplayValue, crmFieldLabel, crmTableLabel } from '../utils/labels';

export type ConflictCompareDialogProps = { conflict: CrmConflict; onClose: () => void };

/** Our version and the CRM's side by side, field by field, differing fields marked; an admin keeps one of them. */
export function ConflictCompareDialog({ conflict, onClose }: ConflictCompareDialogProps) {
  const { t, i18n } = useTranslation('sources', { keyPrefix: 'crm.page.compare' });
  const { t: ts } = useTranslation('sources');
  const lng = i18n.language;
  const isAdmin = useIsAdmin();
  const resolve = useResolveCrmConflict();
  const [reason, setReason] = useState('');
  const reasonId = useId();
  // The record id is in the title already.
  const rows = compareVersions(conflict.local, conflict.server).filter((row) => row.field !== 'id');
  const isOpen = conflict.status === 'open';
  const differing = rows.filter((row) => row.differs).length;

  const pick = (resolution: CrmResolution) => {
    const trimmed = reason.trim();
    resolve.mutate({ id: conflict.id, resolution, ...(trimmed ? { reason: trimmed } : {}) }, { onSuccess: onClose });
  };
  const value = (field: string, text: string | null) =>
    text === null ? <span className="muted">{t('empty')}</span> : <bdi>{crmDisplayValue(ts, conflict.table, field, text, lng)}</bdi>;

  return (
    <Dialog
      title={t('title', { table: crmTableLabel(ts, conflict.table), record: conflict.recordId })}
      description={t('description', { count: differing, n: formatNumber(differing, lng) })}
      onClose={onClose}
      actions={
        <>
          {isOpen && isAdmin && (
            <>
              <Button variant="primary" isBusy={resolve.isPending} onClick={() => pick('accept_client')}>
                {t('keepOurs')}
              </Button>
              <Button isBusy={resolve.isPending} onClick={() => pick('accept_server')}>
                {t('keepServer')}
              </Button>
            </>
          )}
          <Button onClick={onClose}>{t('close')}</Button>
        </>
      }
    >
      <div className="table-scroll">
        <table className="table crm-compare">
          <caption className="visually-hidden">{t('caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('field')}</th>
              <th scope="col">
                {t('ours')}
                <div className="muted crm-compare__time">{formatDateTime(conflict.localUpdatedAt, lng)}</div>
              </th>
              <th scope="col">
                {t('server')}
                <div className="muted crm-compare__time">{formatDateTime(conflict.serverUpdatedAt, lng)}</div>
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.field} className={row.differs ? 'crm-compare__row--differs' : undefined}>
                <th scope="row">
                  {crmFieldLabel(ts, conflict.table, row.field)} {row.differs && <Badge tone="warning">{t('differs')}</Badge>}
                </th>
                <td>{row.isChanged ? value(row.field, row.local) : <span className="muted">{t('unchanged')}</span>}</td>
                <td>{value(row.field, row.server)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {isOpen && isAdmin && (
        <div className="form">
          <label htmlFor={reasonId} className="form__label">
            {t('reason')}
          </label>
          <textarea id={reasonId} className="form__control" rows={2} maxLength={500} value={reason} onChange={(event) => setReason(event.target.value)} />
        </div>
      )}
      {!isOpen && (
        <p>
          {t(conflict.resolution === 'accept_client' ? 'resolvedOurs' : 'resolvedServer', {
            by: conflict.resolvedBy === 'lww' ? t('byPolicy') : conflict.resolvedBy,
            time: conflict.resolvedAt ? formatDateTime(conflict.resolvedAt, lng) : '',
          })}
          {conflict.reason && <span className="muted"> — {t('reasonWas', { reason: conflict.reason })}</span>}
        </p>
      )}
      {resolve.isError && (
        <p className="form-error" role="alert">
          {isApiError(resolve.error) && resolve.error.status === 409 ? t('alreadyResolved') : t('failed')}
        </p>
      )}
    </Dialog>
  );
}
