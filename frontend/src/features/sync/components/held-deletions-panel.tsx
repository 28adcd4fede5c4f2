import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { HeldDeletion, SyncRun } from '@hamgam/shared';
import { Button } from '../../../components/ui/button';
import { Pagination } from '../../../components/ui/pagination';
import { SearchField } from '../../../components/ui/search-field';
import { isApiError } from '../../../lib/api-client';
import { formatDateTime, formatNumber } from '../../../lib/format';
import { useIsAdmin } from '../../../lib/session';
import { useDecideDeletions } from '../api/decide-deletions';
import { HELD_DELETIONS_PAGE_SIZE, useHeldDeletions } from '../api/get-held-deletions';

export type HeldDeletionsPanelProps = { run: SyncRun };

/**
 * The deletions a run held past its source's deletion guard: searchable and paged, each record with its last known
 * values; admins approve (apply) or discard them while the run awaits approval, and everyone sees the decision.
 */
export function HeldDeletionsPanel({ run }: HeldDeletionsPanelProps) {
  const { t, i18n } = useTranslation('sync');
  const lng = i18n.language;
  const isAdmin = useIsAdmin();
  const [draft, setDraft] = useState('');
  const [q, setQ] = useState('');
  const [page, setPage] = useState(1);
  const [reason, setReason] = useState('');
  const reasonId = useId();
  const held = useHeldDeletions(run.id, { q: q || undefined, page, pageSize: HELD_DELETIONS_PAGE_SIZE });
  const decide = useDecideDeletions();
  const data = held.data;
  const isAwaiting = run.status === 'awaiting_approval';
  const decision = run.deletionDecision;

  const search = (event: FormEvent) => {
    event.preventDefault();
    setQ(draft.trim());
    setPage(1);
  };
  const submit = (choice: 'approve' | 'discard') => {
    const trimmed = reason.trim();
    decide.mutate({ runId: run.id, decision: choice, ...(trimmed ? { reason: trimmed } : {}) });
  };
  const isConflict = isApiError(decide.error) && decide.error.status === 409;

  return (
    <section className="card held-deletions" aria-labelledby="held-deletions-title" aria-busy={held.isFetching || undefined}>
      <h2 id="held-deletions-title" className="section-title">
        {t('heldDeletions.title')}
      </h2>
      <p>
        {run.dryRun
          ? t('heldDeletions.wouldHold', { count: run.heldDeletions })
          : isAwaiting
            ? t('heldDeletions.awaiting', { count: run.heldDeletions })
            : t('heldDeletions.held', { count: run.heldDeletions })}
      </p>
      {decision && (
        <p role="status" className="notice">
          {t(`heldDeletions.decisions.${decision.kind}`, {
            count: decision.applied,
            user: decision.by ?? '',
            time: formatDateTime(decision.at, lng),
          })}
          {decision.reason && decision.kind !== 'superseded' && <> {t('heldDeletions.decisionReason', { reason: decision.reason })}</>}
        </p>
      )}
      {isAwaiting && isAdmin && (
        <div className="held-deletions__decision">
          <div className="form">
            <label htmlFor={reasonId} className="form__label">
              {t('heldDeletions.reason')}
            </label>
            <textarea id={reasonId} className="form__control" rows={2} maxLength={500} value={reason} onChange={(event) => setReason(event.target.value)} />
          </div>
          <div className="held-deletions__actions">
            <Button
              variant="danger"
              onClick={() => submit('approve')}
              isBusy={decide.isPending && decide.variables?.decision === 'approve'}
              disabled={decide.isPending}
            >
              {t('heldDeletions.approve', { count: run.heldDeletions })}
            </Button>
            <Button onClick={() => submit('discard')} isBusy={decide.isPending && decide.variables?.decision === 'discard'} disabled={decide.isPending}>
              {t('heldDeletions.discard')}
            </Button>
          </div>
        </div>
      )}
      {decide.error && (
        <p className="form-error" role="alert">
          {isConflict ? t('heldDeletions.conflict') : t('heldDeletions.failed', { message: decide.error.message })}
        </p>
      )}
      {run.dryRun ? null : (
        <>
          <form className="held-deletions__search" role="search" onSubmit={search}>
            <SearchField label={t('heldDeletions.search')} value={draft} onChange={setDraft} submitLabel={t('heldDeletions.searchSubmit')} />
          </form>
          {held.isPending && <p className="muted">{t('common:status.loading')}</p>}
          {held.isError && <p className="form-error">{held.error.message}</p>}
          {data && (
            <>
              <p role="status">
                {data.total === 0 ? t('heldDeletions.noMatch', { q }) : t('heldDeletions.count', { count: data.total, total: formatNumber(data.total, lng) })}
              </p>
              {data.items.length > 0 && (
                <div className="table-scroll">
                  <table className="table">
                    <thead>
                      <tr>
                        <th scope="col">{t('heldDeletions.key')}</th>
                        <th scope="col">{t('heldDeletions.values')}</th>
                      </tr>
                    </thead>
                    <tbody>
                      {data.items.map((item) => (
                        <HeldRow key={`${item.table}:${item.key}`} item={item} sourceId={run.sourceId} />
                      ))}
                    </tbody>
                  </table>
                </div>
              )}
              {data.total > data.pageSize && <Pagination page={page} pageSize={data.pageSize} total={data.total} onPageChange={setPage} />}
            </>
          )}
        </>
      )}
    </section>
  );
}

function HeldRow({ item, sourceId }: { item: HeldDeletion; sourceId: string }) {
  const { t } = useTranslation('sync');
  const values = Object.entries(item.values).filter(([, value]) => value !== null && value !== '');
  return (
    <tr>
      <td className="held-deletions__key">
        <code dir="ltr">{item.key}</code>
      </td>
      <td>
        <ul className="held-deletions__values">
          {values.map(([name, value]) => (
            <li key={name}>
              <span className="muted">{t(`sources:${sourceId}.records.${item.table}.columns.${name}`, { defaultValue: name })}:</span>{' '}
              <span dir="auto">{String(value)}</span>
            </li>
          ))}
        </ul>
      </td>
    </tr>
  );
}
