import { useEffect, useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { RUN_STATUSES, RUN_TRIGGERS } from '@hamgam/shared';
import { Button } from '../../../../components/ui/button';
import { DateRangePicker } from '../../../../components/ui/date-range-picker';
import { useSources } from '../../api/get-sources';
import type { HistoryFilters } from '../../utils/history-filters';
import { sourceName, triggerLabel } from '../../utils/labels';

export type HistoryFiltersFormProps = { filters: HistoryFilters; onChange: (filters: HistoryFilters) => void };

/** Choices (source, status, trigger, dates) apply at once; typed text applies on Enter or "Apply". */
export function HistoryFiltersForm({ filters, onChange }: HistoryFiltersFormProps) {
  const { t } = useTranslation('sync');
  const sources = useSources();
  const ids = { source: useId(), status: useId(), trigger: useId(), by: useId(), q: useId(), dates: useId() };
  const [by, setBy] = useState(filters.triggeredBy ?? '');
  const [q, setQ] = useState(filters.q ?? '');
  useEffect(() => setBy(filters.triggeredBy ?? ''), [filters.triggeredBy]);
  useEffect(() => setQ(filters.q ?? ''), [filters.q]);

  const apply = (change: Partial<HistoryFilters>) => onChange({ ...filters, ...change, page: 1 });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    apply({ triggeredBy: by.trim() || undefined, q: q.trim() || undefined });
  };

  return (
    <form role="search" aria-label={t('history.filters')} className="card history-filters" onSubmit={submit}>
      <div className="history-filters__field">
        <label htmlFor={ids.source}>{t('history.source')}</label>
        <select
          id={ids.source}
          className="form__control"
          value={filters.sourceId ?? ''}
          onChange={(event) => apply({ sourceId: event.target.value || undefined })}
        >
          <option value="">{t('history.all')}</option>
          {sources.data?.map((source) => (
            <option key={source.id} value={source.id}>
              {sourceName(t, source.id)}
            </option>
          ))}
        </select>
      </div>
      <div className="history-filters__field">
        <label htmlFor={ids.status}>{t('history.status')}</label>
        <select
          id={ids.status}
          className="form__control"
          value={filters.status ?? ''}
          onChange={(event) => apply({ status: (event.target.value || undefined) as HistoryFilters['status'] })}
        >
          <option value="">{t('history.all')}</option>
          {RUN_STATUSES.map((status) => (
            <option key={status} value={status}>
              {t(`statuses.${status}`)}
            </option>
          ))}
        </select>
      </div>
      <div className="history-filters__field">
        <label htmlFor={ids.trigger}>{t('history.trigger')}</label>
        <select
          id={ids.trigger}
          className="form__control"
          value={filters.trigger ?? ''}
          onChange={(event) => apply({ trigger: (event.target.value || undefined) as HistoryFilters['trigger'] })}
        >
          <option value="">{t('history.all')}</option>
          {RUN_TRIGGERS.map((trigger) => (
            <option key={trigger} value={trigger}>
              {triggerLabel(t, trigger)}
            </option>
          ))}
        </select>
      </div>
      <div className="history-filters__field history-filters__field--wide">
        <label htmlFor={ids.dates}>{t('history.dates')}</label>
        <DateRangePicker
          id={ids.dates}
          value={{ from: filters.fromDate ?? null, to: filters.toDate ?? null }}
          placeholder={t('history.datesPlaceholder')}
          onChange={(range) => apply({ fromDate: range.from ?? undefined, toDate: range.to ?? undefined })}
        />
      </div>
      <div className="history-filters__field">
        <label htmlFor={ids.by}>{t('history.triggeredBy')}</label>
        <input id={ids.by} className="form__control" dir="auto" value={by} onChange={(event) => setBy(event.target.value)} />
      </div>
      <div className="history-filters__field history-filters__field--wide">
        <label htmlFor={ids.q}>{t('history.search')}</label>
        <input
          id={ids.q}
          type="search"
          className="form__control"
          dir="auto"
          value={q}
          onChange={(event) => setQ(event.target.value)}
          placeholder={t('history.searchPlaceholder')}
        />
      </div>
      <div className="history-filters__actions">
        <Button type="submit" variant="primary">
          {t('history.apply')}
        </Button>
        <Button onClick={() => onChange({ page: 1 })}>{t('history.clear')}</Button>
      </div>
    </form>
  );
}
