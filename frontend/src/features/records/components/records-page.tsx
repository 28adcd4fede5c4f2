import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router-dom';
import { Button } from '../../../components/ui/button';
import { isApiError } from '../../../lib/api-client';
import { useRecords } from '../api/get-records';
import '../records.css';
import { Pagination } from './pagination';
import { RecordsTable } from './records-table';

export const RECORDS_PAGE_SIZE = 20;

function pageFrom(value: string | null): number {
  const page = Number(value);
  return Number.isInteger(page) && page >= 1 ? page : 1;
}

/** The data browser of one source: search by number, national code or name, page through, see history. Search and page live in the URL. */
export function RecordsPage() {
  const { id: sourceId = '' } = useParams();
  const { t } = useTranslation('records');
  const [searchParams, setSearchParams] = useSearchParams();
  const q = searchParams.get('q') ?? '';
  const page = pageFrom(searchParams.get('page'));
  const [draft, setDraft] = useState(q);
  const searchId = useId();
  const hintId = useId();
  const records = useRecords(sourceId, { q: q || undefined, page, pageSize: RECORDS_PAGE_SIZE });
  const sourceName = t(`sync:sources.${sourceId}.name`, { defaultValue: sourceId });

  const show = (next: { q: string; page: number }) => {
    const params = new URLSearchParams();
    if (next.q) params.set('q', next.q);
    if (next.page > 1) params.set('page', String(next.page));
    setSearchParams(params);
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    show({ q: draft.trim(), page: 1 });
  };
  const clear = () => {
    setDraft('');
    show({ q: '', page: 1 });
  };

  const data = records.data;
  const pages = data ? Math.max(1, Math.ceil(data.total / data.pageSize)) : 1;

  return (
    <>
      <div className="page-header">
        <Link to="/" className="back-link">
          {t('page.back')}
        </Link>
        <h1>{t('page.title', { source: sourceName })}</h1>
        <p className="muted">{t('page.subtitle')}</p>
      </div>

      <form className="records-search" role="search" onSubmit={submit}>
        <label htmlFor={searchId} className="form__label">
          {t('search.label')}
        </label>
        <div className="records-search__row">
          <input
            id={searchId}
            className="form__control"
            type="search"
            value={draft}
            maxLength={100}
            placeholder={t('search.placeholder')}
            aria-describedby={hintId}
            onChange={(event) => setDraft(event.target.value)}
          />
          <Button type="submit" variant="primary">
            {t('search.submit')}
          </Button>
          {q && <Button onClick={clear}>{t('search.clear')}</Button>}
        </div>
        <p id={hintId} className="form__hint">
          {t('search.hint')}
        </p>
      </form>

      {records.isPending && (
        <p className="muted" role="status">
          {t('common:status.loading')}
        </p>
      )}
      {records.isError && (
        <div className="notice notice--danger" role="alert">
          {isApiError(records.error) && records.error.status === 404 ? t('page.notFound') : t('page.loadError', { message: records.error.message })}
        </div>
      )}
      {data && (
        <section className="card records" aria-busy={records.isFetching || undefined}>
          <p className="records__count" role="status">
            {data.total === 0 ? (q ? t('results.noMatch', { q }) : t('results.empty')) : t('results.count', { count: data.total })}
          </p>
          {data.items.length > 0 && <RecordsTable sourceId={sourceId} sourceName={sourceName} page={data} />}
          <Pagination page={page} pages={pages} onChange={(next) => show({ q, page: next })} />
        </section>
      )}
    </>
  );
}
