import { useTranslation } from 'react-i18next';
import { Badge, type BadgeTone } from '../../../components/ui/badge';
import { formatDateTime, formatNumber, localizeDigits } from '../../../lib/format';
import { useCrmOutbox } from '../api/get-outbox';
import { crmFieldLabel } from '../utils/labels';

const STATUS_TONES: Record<string, BadgeTone> = { pending: 'warning', pushed: 'success', conflict: 'danger', superseded: 'neutral' };

/** The CRM outbox: each change (what it sets, on which record), its state, attempts and last error. */
export function OutboxTable() {
  const { t, i18n } = useTranslation('sources', { keyPrefix: 'crm.page' });
  const { t: ts } = useTranslation('sources');
  const lng = i18n.language;
  const outbox = useCrmOutbox();
  if (outbox.isPending) return <p className="muted">{t('loading')}</p>;
  if (outbox.isError)
    return (
      <p className="form-error" role="alert">
        {t('loadError')}
      </p>
    );
  if (outbox.data.length === 0) return <p className="muted">{t('outbox.empty')}</p>;
  return (
    <div className="table-scroll">
      <table className="table crm-table">
        <caption className="visually-hidden">{t('outbox.title')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('outbox.change')}</th>
            <th scope="col">{t('outbox.status')}</th>
            <th scope="col">{t('outbox.attempts')}</th>
            <th scope="col">{t('outbox.lastError')}</th>
            <th scope="col">{t('outbox.createdAt')}</th>
          </tr>
        </thead>
        <tbody>
          {outbox.data.map((item) => {
            const student = item.data.student_number;
            return (
              <tr key={item.id}>
                <td>
                  {typeof student === 'string'
                    ? t('outbox.link', { contact: item.recordId, number: localizeDigits(student, lng) })
                    : 'student_number' in item.data
                      ? t('outbox.unlink', { contact: item.recordId })
                      : t('outbox.other', {
                          contact: item.recordId,
                          fields: new Intl.ListFormat(lng).format(Object.keys(item.data).map((field) => crmFieldLabel(ts, item.table, field))),
                        })}
                </td>
                <td>
                  <Badge tone={STATUS_TONES[item.status] ?? 'neutral'}>{t(`outbox.statuses.${item.status}`)}</Badge>
                </td>
                <td>{formatNumber(item.attempts, lng)}</td>
                <td dir="auto">{item.lastError ?? t('outbox.noError')}</td>
                <td>
                  <time dateTime={item.createdAt}>{formatDateTime(item.createdAt, lng)}</time>
                  {item.createdBy && <span className="muted"> · {item.createdBy}</span>}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
