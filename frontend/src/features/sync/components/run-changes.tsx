import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import { CHANGE_KINDS, type ChangeKind, type RecordChange } from '@hamgam/shared';
import { ChangeFields, ChangeKindBadge } from '../../../components/change-fields';
import { Pagination } from '../../../components/ui/pagination';
import { SearchField } from '../../../components/ui/search-field';
import { formatNumber, localizeDigits } from '../../../lib/format';
import { CHANGES_PAGE_SIZE, useRunChanges } from '../api/get-run-changes';

export type RunChangesProps = { runId: string; sourceId: string; isRunActive: boolean };

// The list's kind, search and page live in the run page's URL beside the rejections' own.
const KIND_PARAM = 'changesKind';
const Q_PARAM = 'changesQ';
const PAGE_PARAM = 'changesPage';

function pageFrom(value: string | null): number {
  const page = Number(value);
  return Number.isInteger(page) && page >= 1 ? page : 1;
}

function kindFrom(value: string | null): ChangeKind | null {
  return CHANGE_KINDS.find((kind) => kind === value) ?? null;
}

type View = { kind: ChangeKind | null; q: string; page: number };

/** What a run did to each record: inserted and deleted keys, updated fields old → new; filtered by kind, searched, paged. */
export function RunChanges({ runId, sourceId, isRunActive }: RunChangesProps) {
  const { t, i18n } = useTranslation('sync');
  const lng = i18n.language;
  const [searchParams, setSearchParams] = useSearchParams();
  const view: View = { kind: kindFrom(searchParams.get(KIND_PARAM)), q: searchParams.get(Q_PARAM) ?? '', page: pageFrom(searchParams.get(PAGE_PARAM)) };
  const [draft, setDraft] = useState(view.q);
  const kindId = useId();
  const changes = useRunChanges(runId, { kind: view.kind ?? undefined, q: view.q || undefined, page: view.page, pageSize: CHANGES_PAGE_SIZE }, isRunActive);
  const data = changes.data;

  const show = (next: View) =>
    setSearchParams(
      (current) => {
        const params = new URLSearchParams(current);
        const set = (name: string, value: string | null) => (value ? params.set(name, value) : params.delete(name));
        set(KIND_PARAM, next.kind);
        set(Q_PARAM, next.q);
        set(PAGE_PARAM, next.page > 1 ? String(next.page) : null);
        return params;
      },
      { replace: true },
    );
  const submit = (event: FormEvent) => {
    event.preventDefault();
    show({ ...view, q: draft.trim(), page: 1 });
  };
  const clear = () => {
    setDraft('');
    show({ kind: null, q: '', page: 1 });
  };
  const runTotal = data ? data.totals.inserted + data.totals.updated + data.totals.deleted : 0;
  const hasAny = runTotal > 0;
  const isFiltered = view.kind !== null || view.q !== '';

  return (
    <section className="card run-changes" aria-labelledby="run-changes-title" aria-busy={changes.isFetching || undefined}>
      <h2 id="run-changes-title" className="section-title">
        {t('runDetails.changes')}
      </h2>
      {changes.isPending && <p className="muted">{t('common:status.loading')}</p>}
      {changes.isError && <p className="form-error">{changes.error.message}</p>}
      {data && !hasAny && <p className="muted">{t('runDetails.noChanges')}</p>}
      {data && hasAny && (
        <form className="run-changes__filters" role="search" onSubmit={submit}>
          <div className="run-changes__field">
            <label htmlFor={kindId} className="form__label">
              {t('runDetails.changesKind')}
            </label>
            <select
              id={kindId}
              className="form__control"
              value={view.kind ?? ''}
              onChange={(event) => show({ ...view, kind: kindFrom(event.target.value), page: 1 })}
            >
              <option value="">{t('runDetails.changesAllKinds', { count: runTotal, formatted: formatNumber(runTotal, lng) })}</option>
              {CHANGE_KINDS.map((kind) => (
                <option key={kind} value={kind}>
                  {t(`runDetails.changesKindCount.${kind}`, { formatted: formatNumber(data.totals[kind], lng) })}
                </option>
              ))}
            </select>
          </div>
          <SearchField
            className="run-changes__field--search"
            label={t('runDetails.changesSearch')}
            value={draft}
            onChange={setDraft}
            submitLabel={t('runDetails.changesSearchSubmit')}
            clearLabel={t('runDetails.changesClear')}
            onClear={isFiltered ? clear : undefined}
            hint={t('runDetails.changesSearchHint')}
          />
        </form>
      )}
      {data && hasAny && (
        <>
          <p role="status">
            {data.total === 0 ? t('runDetails.changesNoMatch') : t('runDetails.changesCount', { count: data.total, formatted: formatNumber(data.total, lng) })}
          </p>
          {data.items.length > 0 && (
            <ul className="run-changes__list">
              {data.items.map((change, index) => (
                <ChangeItem key={`${change.table}/${change.key}/${index}`} change={change} sourceId={sourceId} />
              ))}
            </ul>
          )}
          {data.total > data.pageSize && (
            <Pagination page={view.page} pageSize={data.pageSize} total={data.total} onPageChange={(page) => show({ ...view, page })} />
          )}
        </>
      )}
    </section>
  );
}

type ChangeItemProps = { change: RecordChange; sourceId: string };

function ChangeItem({ change, sourceId }: ChangeItemProps) {
  const { t, i18n } = useTranslation('sync');
  const records = `/sources/${encodeURIComponent(sourceId)}/records?${new URLSearchParams({ table: change.table, q: change.key }).toString()}`;
  return (
    <li className="run-changes__item">
      <div className="run-changes__head">
        <ChangeKindBadge kind={change.kind} />
        <Link to={records} title={t('runDetails.changeOpen', { key: change.key })}>
          <code dir="ltr">{localizeDigits(change.key, i18n.language)}</code>
        </Link>
      </div>
      <ChangeFields sourceId={sourceId} table={change.table} fields={change.fields} />
    </li>
  );
}
