import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { Pagination } from '../../../../components/ui/pagination';
import { formatNumber } from '../../../../lib/format';
import { useRuns } from '../../api/get-runs';
import { historyExportUrl, historySearchParams, parseHistoryFilters, toRunListQuery, type HistoryFilters } from '../../utils/history-filters';
import { HistoryFiltersForm } from './history-filters-form';
import { HistoryTable } from './history-table';

// recharts is the heaviest dependency: loaded only when the history is opened.
const SourceTrends = lazy(() => import('./source-trends').then((module) => ({ default: module.SourceTrends })));

/** All runs across sources; every filter, the sort and the page live in the URL. */
export function HistoryView() {
  const { t, i18n } = useTranslation('sync');
  const [params, setParams] = useSearchParams();
  const filters = parseHistoryFilters(params);
  const runs = useRuns(toRunListQuery(filters));
  const update = (next: HistoryFilters) => setParams(historySearchParams(next));

  return (
    <div className="history">
      {/* Above the filters: the date picker's calendar opens downwards and never covers them. */}
      <div className="history__exports">
        <a className="button button--secondary" href={historyExportUrl('csv', filters, i18n.language)} download>
          {t('history.exportCsv')}
        </a>
        <a className="button button--secondary" href={historyExportUrl('xlsx', filters, i18n.language)} download>
          {t('history.exportXlsx')}
        </a>
      </div>
      <HistoryFiltersForm filters={filters} onChange={update} />
      <div className="history__toolbar">
        <p role="status" className="muted">
          {runs.data &&
            (runs.data.isTotalCapped
              ? t('history.countCapped', { count: runs.data.total, formatted: formatNumber(runs.data.total, i18n.language) })
              : t('history.count', { count: runs.data.total, formatted: formatNumber(runs.data.total, i18n.language) }))}
        </p>
      </div>
      {runs.isPending && <p className="muted">{t('common:status.loading')}</p>}
      {runs.isError && (
        <p className="form-error" role="alert">
          {runs.error.message}
        </p>
      )}
      {runs.data && runs.data.items.length === 0 && <p className="muted">{t('history.empty')}</p>}
      {runs.data && runs.data.items.length > 0 && (
        <section className="card" aria-label={t('history.tableCaption')}>
          <HistoryTable
            runs={runs.data.items}
            sort={filters.sort ?? 'createdAt'}
            order={filters.order ?? 'desc'}
            onSort={(sort, order) => update({ ...filters, sort, order, page: 1 })}
          />
          <Pagination
            page={filters.page}
            pageSize={runs.data.pageSize}
            total={runs.data.total}
            isTotalCapped={runs.data.isTotalCapped}
            onPageChange={(page) => update({ ...filters, page })}
          />
        </section>
      )}
      <Suspense fallback={<p className="muted">{t('common:status.loading')}</p>}>
        <SourceTrends />
      </Suspense>
    </div>
  );
}
