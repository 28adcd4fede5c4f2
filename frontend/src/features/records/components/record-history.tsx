import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { ChangeFields, ChangeKindBadge } from '../../../components/change-fields';
import { Button } from '../../../components/ui/button';
import { Dialog } from '../../../components/ui/dialog';
import { Pagination } from '../../../components/ui/pagination';
import { formatDateTime, localizeDigits } from '../../../lib/format';
import { HISTORY_PAGE_SIZE, useRecordHistory } from '../api/get-record-history';

export type RecordHistoryProps = { sourceId: string; table: string; recordKey: string; name: string };

/** A button in a record's row that opens its changes across runs in a dialog (asked for only when opened). */
export function RecordHistoryButton(props: RecordHistoryProps) {
  const { t } = useTranslation('records');
  const [isOpen, setIsOpen] = useState(false);
  return (
    <>
      <Button variant="ghost" className="record-history__open" onClick={() => setIsOpen(true)}>
        {t('changes.open')}
      </Button>
      {isOpen && <RecordHistoryDialog {...props} onClose={() => setIsOpen(false)} />}
    </>
  );
}

type RecordHistoryDialogProps = RecordHistoryProps & { onClose: () => void };

/** A record's changes across runs, newest first: each run's kind of change and the fields it changed, old → new. */
function RecordHistoryDialog({ sourceId, table, recordKey, name, onClose }: RecordHistoryDialogProps) {
  const { t, i18n } = useTranslation('records');
  const lng = i18n.language;
  const [page, setPage] = useState(1);
  const history = useRecordHistory(sourceId, table, recordKey, { page, pageSize: HISTORY_PAGE_SIZE }, true);
  const data = history.data;
  // The name isolated (FSI … PDI): a Persian name inside an English title keeps the key after it.
  const label = name ? `\u2068${name}\u2069 (${localizeDigits(recordKey, lng)})` : localizeDigits(recordKey, lng);

  return (
    <Dialog title={t('changes.title', { record: label })} onClose={onClose} actions={<Button onClick={onClose}>{t('changes.close')}</Button>}>
      <div className="record-history" aria-busy={history.isFetching || undefined}>
        {history.isPending && <p className="muted">{t('common:status.loading')}</p>}
        {history.isError && <p className="form-error">{history.error.message}</p>}
        {data && data.total === 0 && <p className="muted">{t('changes.none')}</p>}
        {data && data.items.length > 0 && (
          <ol className="record-history__list" aria-label={t('changes.caption', { key: localizeDigits(recordKey, lng) })}>
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
    </Dialog>
  );
}
