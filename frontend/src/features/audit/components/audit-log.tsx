import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import dayjs from 'dayjs';
import { AUDIT_ACTIONS, type AuditAction, type AuditListQuery } from '@hamgam/shared';
import { DateRangePicker } from '../../../components/ui/date-range-picker';
import { Pagination } from '../../../components/ui/pagination';
import { formatDateTime } from '../../../lib/format';
import { auditExportUrl, useAudit } from '../api/get-audit';
import { AuditDetails } from './audit-details';
import { AuditTarget } from './audit-target';

const PAGE_SIZE = 50;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The audit trail, newest first; the filters live in the URL like the history's. */
export function AuditLog() {
  const { t, i18n } = useTranslation('audit');
  const lng = i18n.language;
  const [params, setParams] = useSearchParams();
  const actionId = useId();
  const actorId = useId();
  const datesId = useId();
  const action = (AUDIT_ACTIONS as readonly string[]).includes(params.get('action') ?? '') ? (params.get('action') as AuditAction) : undefined;
  const actor = params.get('actor') ?? undefined;
  const fromDate = ISO_DATE.test(params.get('from') ?? '') ? params.get('from')! : undefined;
  const toDate = ISO_DATE.test(params.get('to') ?? '') ? params.get('to')! : undefined;
  const page = Math.max(1, Number(params.get('page')) || 1);
  const query: AuditListQuery = {
    action,
    actor,
    from: fromDate ? dayjs(fromDate).startOf('day').toISOString() : undefined,
    to: toDate ? dayjs(toDate).add(1, 'day').startOf('day').toISOString() : undefined,
    page,
    pageSize: PAGE_SIZE,
  };
  const entries = useAudit(query);
  const set = (changes: Record<string, string | undefined>) => {
    const next = new URLSearchParams(params);
    for (const [key, value] of Object.entries(changes)) {
      if (value) next.set(key, value);
      else next.delete(key);
    }
    if (!('page' in changes)) next.delete('page');
    setParams(next);
  };

  return (
    <div className="audit">
      {/* Above the filters: the date picker's calendar opens downwards and never covers them. */}
      <div className="history__exports">
        <a className="button button--secondary" href={auditExportUrl('csv', query, lng)} download>
          {t('exportCsv')}
        </a>
        <a className="button button--secondary" href={auditExportUrl('xlsx', query, lng)} download>
          {t('exportXlsx')}
        </a>
      </div>
      <form role="search" aria-label={t('filters')} className="card history-filters" onSubmit={(event) => event.preventDefault()}>
        <div className="history-filters__field">
          <label htmlFor={actionId}>{t('action')}</label>
          <select id={actionId} className="form__control" value={action ?? ''} onChange={(event) => set({ action: event.target.value || undefined })}>
            <option value="">{t('all')}</option>
            {AUDIT_ACTIONS.map((value) => (
              <option key={value} value={value}>
                {t(`actions.${value}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="history-filters__field">
          <label htmlFor={actorId}>{t('actor')}</label>
          <input
            id={actorId}
            className="form__control"
            dir="ltr"
            defaultValue={actor}
            onBlur={(event) => set({ actor: event.target.value.trim() || undefined })}
          />
        </div>
        <div className="history-filters__field history-filters__field--wide">
          <label htmlFor={datesId}>{t('dates')}</label>
          <DateRangePicker
            id={datesId}
            value={{ from: fromDate ?? null, to: toDate ?? null }}
            onChange={(range) => set({ from: range.from ?? undefined, to: range.to ?? undefined })}
          />
        </div>
      </form>
      {entries.isPending && <p className="muted">{t('common:status.loading')}</p>}
      {entries.isError && <p className="form-error">{entries.error.message}</p>}
      {entries.data && entries.data.items.length === 0 && <p className="muted">{t('empty')}</p>}
      {entries.data && entries.data.items.length > 0 && (
        <section className="card" aria-label={t('title')}>
          <div className="table-scroll">
            <table className="table">
              <thead>
                <tr>
                  <th scope="col">{t('at')}</th>
                  <th scope="col">{t('actor')}</th>
                  <th scope="col">{t('action')}</th>
                  <th scope="col">{t('target')}</th>
                  <th scope="col">{t('ip')}</th>
                  <th scope="col">{t('details')}</th>
                </tr>
              </thead>
              <tbody>
                {entries.data.items.map((entry) => (
                  <tr key={entry.id}>
                    <td>
                      <time dateTime={entry.at}>{formatDateTime(entry.at, lng, { seconds: true })}</time>
                    </td>
                    <td>{entry.actor ? <bdi dir="ltr">{entry.actor}</bdi> : t('unknownActor')}</td>
                    <td>{t(`actions.${entry.action}`, { defaultValue: entry.action })}</td>
                    <td>
                      <AuditTarget target={entry.target} />
                    </td>
                    <td>
                      <bdi dir="ltr">{entry.ip}</bdi>
                    </td>
                    <td>
                      <AuditDetails details={entry.details} target={entry.target} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <Pagination page={page} pageSize={PAGE_SIZE} total={entries.data.total} onPageChange={(next) => set({ page: String(next) })} />
        </section>
      )}
    </div>
  );
}
