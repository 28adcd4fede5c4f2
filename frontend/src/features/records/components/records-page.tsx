import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router-dom';
import type { RecordPage, RecordTableInfo } from '@hamgam/shared';
import { Pagination } from '../../../components/ui/pagination';
import { SearchField } from '../../../components/ui/search-field';
import { Tabs } from '../../../components/ui/tabs';
import { isApiError } from '../../../lib/api-client';
import { useRecordTables } from '../api/get-record-tables';
import { useRecords } from '../api/get-records';
import '../records.css';
import { RecordsTable, type RecordsTableProps } from './records-table';

/** What a source's own feature adds to one of its tables (app/ passes it): the page as shown, and row actions. */
export type UseTableRows = (
  sourceId: string,
  tableId: string,
  page: RecordPage | undefined,
) => { page: RecordPage | undefined; rowActions: RecordsTableProps['rowActions'] };

const usePlainRows: UseTableRows = (_sourceId, _tableId, page) => ({ page, rowActions: undefined });

export type RecordsPageProps = { useTableRows?: UseTableRows };

export const RECORDS_PAGE_SIZE = 20;

function pageFrom(value: string | null): number {
  const page = Number(value);
  return Number.isInteger(page) && page >= 1 ? page : 1;
}

/**
 * The data browser of one source: one tab per record table the source declares (none when it has one), each
 * searched and paged on its own. Table, search and page live in the URL.
 */
export function RecordsPage({ useTableRows = usePlainRows }: RecordsPageProps) {
  const { id: sourceId = '' } = useParams();
  const { t } = useTranslation('records');
  const [searchParams, setSearchParams] = useSearchParams();
  const tables = useRecordTables(sourceId);
  const sourceName = t(`sources:${sourceId}.name`, { defaultValue: sourceId });
  const known = tables.data ?? [];
  const table = known.find((candidate) => candidate.id === searchParams.get('table')) ?? known[0];

  const select = (tableId: string) => setSearchParams(tableId === known[0]?.id ? {} : { table: tableId });

  return (
    <>
      <div className="page-header">
        <Link to="/" className="back-link">
          {t('page.back')}
        </Link>
        <h1>{t('page.title', { source: sourceName })}</h1>
        <p className="muted">{t('page.subtitle')}</p>
      </div>

      {tables.isPending && (
        <p className="muted" role="status">
          {t('common:status.loading')}
        </p>
      )}
      {tables.isError && (
        <div className="notice notice--danger" role="alert">
          {isApiError(tables.error) && tables.error.status === 404 ? t('page.notFound') : t('page.loadError', { message: tables.error.message })}
        </div>
      )}
      {tables.isSuccess && !table && (
        <div className="notice notice--danger" role="alert">
          {t('page.notFound')}
        </div>
      )}
      {table && known.length === 1 && (
        <RecordTablePanel key={table.id} sourceId={sourceId} sourceName={sourceName} table={table} isDefault useTableRows={useTableRows} />
      )}
      {table && known.length > 1 && (
        <Tabs
          label={t('page.tables', { source: sourceName })}
          selectedId={table.id}
          onSelect={select}
          tabs={known.map((candidate, index) => ({
            id: candidate.id,
            label: t(`sources:${sourceId}.records.${candidate.id}.label`, { defaultValue: candidate.id }),
            // Only the shown table is fetched; the others render when their tab is chosen.
            panel:
              candidate.id === table.id ? (
                <RecordTablePanel
                  key={candidate.id}
                  sourceId={sourceId}
                  sourceName={sourceName}
                  table={candidate}
                  isDefault={index === 0}
                  useTableRows={useTableRows}
                />
              ) : null,
          }))}
        />
      )}
    </>
  );
}

type RecordTablePanelProps = { sourceId: string; sourceName: string; table: RecordTableInfo; isDefault: boolean; useTableRows: UseTableRows };

/** One record table: its search form, the matching records and the pages. */
function RecordTablePanel({ sourceId, sourceName, table, isDefault, useTableRows }: RecordTablePanelProps) {
  const { t } = useTranslation('records');
  const [searchParams, setSearchParams] = useSearchParams();
  const q = searchParams.get('q') ?? '';
  const page = pageFrom(searchParams.get('page'));
  const [draft, setDraft] = useState(q);
  const records = useRecords(sourceId, { ...(isDefault ? {} : { table: table.id }), q: q || undefined, page, pageSize: RECORDS_PAGE_SIZE });

  const show = (next: { q: string; page: number }) => {
    const params = new URLSearchParams();
    if (!isDefault) params.set('table', table.id);
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

  const { page: data, rowActions } = useTableRows(sourceId, table.id, records.data);

  return (
    <>
      <form className="records-search" role="search" onSubmit={submit}>
        <SearchField
          label={t('search.label')}
          value={draft}
          onChange={setDraft}
          placeholder={t(`sources:${sourceId}.records.${table.id}.placeholder`, { defaultValue: t('search.placeholder') })}
          submitLabel={t('search.submit')}
          clearLabel={t('search.clear')}
          onClear={q ? clear : undefined}
          hint={t('search.hint')}
        />
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
          {data.items.length > 0 && <RecordsTable sourceId={sourceId} sourceName={sourceName} page={data} rowActions={rowActions} />}
          {data.total > data.pageSize && (
            <Pagination page={page} pageSize={data.pageSize} total={data.total} onPageChange={(next) => show({ q, page: next })} />
          )}
        </section>
      )}
    </>
  );
}
