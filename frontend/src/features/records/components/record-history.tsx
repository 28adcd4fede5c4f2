import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { ChangeFields, ChangeKindBadge } from '../../../components/change-fields';
import { Pagination } from '../../../components/ui/pagination';
import { formatDateTime, localizeDigits } from '../../../lib/format';
import { HISTORY_PAGE_SIZE, useRecordHistory } from '../api/get-record-history';

export type RecordHistoryProps = { sourceId: string; table: string; recordKey: string };

/** A record's changes across runs, newest first, behind a disclosure: asked for only when opened. */
export function RecordHistory({ sourceId, table, recordKey }: RecordHistoryProps) {
  const { t, i18n } = useTranslation('records');
  const lng = i18n.language;
  const [isOpen, setIsOpen] = useState(false);
  const [page, setPage] = useState(1);
  const history = useRecordHistory(sourceId, table, recordKey, { page, pageSize: HISTORY_PAGE_SIZE }, isOpen);
  const data = history.data;

  return (
    <details className="record-history" onToggle={(event) => setIsOpen(event.currentTarget.open)}>
      <summary>{t('changes.open')}</summary>
      <div className="record-history__body" aria-busy={history.isFetching || undefined}>
        {isOpen && history.isPending && <p className="muted">{t('common:status.loading')}</p>}
        {history.isError && <p className="form-error">{history.error.message}</p>}
        {data && data.total === 0 && <p className="muted">{t('changes.none')}</p>}
        {data && data.items.length > 0 && (
          <ol className="record-history__list" aria-label={t('changes.caption', { key: recordKey })}>
            {data.items.map((entry) => (
              <li key={`${entry.runId}/${entry.kind}`} className="record-history__item">
                <div className="record-history__head">
                  <ChangeKindBadge kind={entry.kind} />
                  <Link to={`/runs/${entry.runId}`}>{t('changes.run', { id: localizeDigits(entry.runId, lng) })}</Link>
                  <time className="muted" dateTime={entry.runStartedAt}>
                    {formatDateTime(entry.runStartedAt, lng)}
                  </time>
                </div>
                <ChangeFields sourceId={sourceId} table={table} fields={entry.fields} />
              </li>
            ))}
          </ol>
        )}
        {data && data.total > data.pageSize && <Pagination page={page} pageSize={data.pageSize} total={data.total} onPageChange={setPage} />}
      </div>
    </details>
  );
}
