import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CrmConflict, CrmConflictStatus } from '@hamgam/shared';
import { Button } from '../../../components/ui/button';
import { formatDateTime } from '../../../lib/format';
import { useCrmConflicts } from '../api/get-conflicts';
import { crmTableLabel } from '../utils/labels';
import { ConflictCompareDialog } from './conflict-compare-dialog';

export type ConflictsListProps = { status: CrmConflictStatus };

/** Open conflicts (to compare and resolve) or resolved ones (who resolved them, and how). */
export function ConflictsList({ status }: ConflictsListProps) {
  const { t, i18n } = useTranslation('sources', { keyPrefix: 'crm.page' });
  const { t: ts } = useTranslation('sources');
  const lng = i18n.language;
  const conflicts = useCrmConflicts(status);
  const [shown, setShown] = useState<CrmConflict | null>(null);
  if (conflicts.isPending) return <p className="muted">{t('loading')}</p>;
  if (conflicts.isError)
    return (
      <p className="form-error" role="alert">
        {t('loadError')}
      </p>
    );
  if (conflicts.data.length === 0) return <p className="muted">{t(`conflicts.empty.${status}`)}</p>;
  return (
    <>
      <div className="table-scroll">
        <table className="table crm-table">
          <caption className="visually-hidden">{t(`conflicts.caption.${status}`)}</caption>
          <thead>
            <tr>
              <th scope="col">{t('conflicts.record')}</th>
              <th scope="col">{t('conflicts.changed')}</th>
              <th scope="col">{status === 'open' ? t('conflicts.action') : t('conflicts.resolution')}</th>
            </tr>
          </thead>
          <tbody>
            {conflicts.data.map((conflict) => (
              <tr key={conflict.id}>
                <th scope="row">{t('conflicts.recordOf', { table: crmTableLabel(ts, conflict.table), record: conflict.recordId })}</th>
                <td>{t('conflicts.times', { ours: formatDateTime(conflict.localUpdatedAt, lng), server: formatDateTime(conflict.serverUpdatedAt, lng) })}</td>
                <td>
                  {status === 'resolved' && (
                    <span className="crm-table__resolution">
                      {t(conflict.resolution === 'accept_client' ? 'conflicts.keptOurs' : 'conflicts.keptServer', {
                        by: conflict.resolvedBy === 'lww' ? t('compare.byPolicy') : conflict.resolvedBy,
                      })}
                    </span>
                  )}{' '}
                  <Button variant={status === 'open' ? 'primary' : 'ghost'} onClick={() => setShown(conflict)}>
                    {t('conflicts.compare')}
                  </Button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {shown && <ConflictCompareDialog conflict={shown} onClose={() => setShown(null)} />}
    </>
  );
}
