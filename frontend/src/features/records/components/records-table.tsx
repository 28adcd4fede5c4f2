import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { RecordPage, StoredRecord } from '@hamgam/shared';
import { Badge } from '../../../components/ui/badge';
import { formatDateTime, localizeDigits } from '../../../lib/format';
import { columnLabel, displayValue, isDateTime, keyLabel, valueLabel } from '../utils/labels';
import { termLabel } from '../../../lib/terms';
import { RecordHistoryButton } from './record-history';
import { TermHistory } from './term-history';

export type RecordsTableProps = {
  sourceId: string;
  sourceName: string;
  page: RecordPage;
  /** A last column of actions on each row (a CRM contact's link), headed by `actionsLabel`. */
  rowActions?: { label: string; render: (record: StoredRecord) => ReactNode };
};

// Fields written in Latin script read left to right inside the RTL page.
const LTR_COLUMNS = new Set(['email', 'mobile']);

/** One page of stored records: key, name, the source's columns, whether deleted, and the run that last changed each. */
export function RecordsTable({ sourceId, sourceName, page, rowActions }: RecordsTableProps) {
  const { t, i18n } = useTranslation('records');
  const lng = i18n.language;
  const missing = t('common:status.notAvailable');

  return (
    <div className="table-scroll">
      <table className="table records-table">
        <caption className="visually-hidden">{t('table.caption', { source: sourceName })}</caption>
        <thead>
          <tr>
            <th scope="col">{keyLabel(t, sourceId, page.table)}</th>
            <th scope="col">{t('table.name')}</th>
            {page.columns.map((column) => (
              <th key={column} scope="col">
                {columnLabel(t, sourceId, page.table, column)}
              </th>
            ))}
            <th scope="col">{t('table.state')}</th>
            <th scope="col">{t('table.lastChange')}</th>
            {rowActions && <th scope="col">{rowActions.label}</th>}
          </tr>
        </thead>
        <tbody>
          {page.items.map((record) => (
            <tr key={record.key} className={record.deletedAt ? 'records-table__row--deleted' : undefined}>
              <th scope="row" className="records-table__key">
                {displayValue(record.key, lng)}
              </th>
              <td>
                <div className="records-table__name">
                  <bdi>{record.name || missing}</bdi>
                </div>
                {record.history && <TermHistory name={record.name} history={record.history} />}
              </td>
              {page.columns.map((column) => {
                const value = record.fields[column];
                if (value === null || value === undefined || value === '') return <td key={column}>{missing}</td>;
                if (column === 'term') {
                  return (
                    <td key={column}>
                      {termLabel(t, value, lng)} <span className="muted">({displayValue(value, lng)})</span>
                    </td>
                  );
                }
                if (isDateTime(value)) {
                  return (
                    <td key={column}>
                      <time dateTime={value}>{formatDateTime(value, lng)}</time>
                    </td>
                  );
                }
                return (
                  <td key={column} dir={LTR_COLUMNS.has(column) ? 'ltr' : undefined}>
                    {valueLabel(t, sourceId, page.table, column, value, lng)}
                  </td>
                );
              })}
              <td>
                {record.deletedAt ? (
                  <>
                    <Badge tone="danger">{t('table.deleted')}</Badge>{' '}
                    <time className="muted" dateTime={record.deletedAt}>
                      {t('table.deletedAt', { time: formatDateTime(record.deletedAt, lng) })}
                    </time>
                  </>
                ) : (
                  <Badge tone="success">{t('table.active')}</Badge>
                )}
              </td>
              <td>
                <div className="records-table__change">
                  {record.lastRunId ? <Link to={`/runs/${record.lastRunId}`}>{t('table.run', { id: localizeDigits(record.lastRunId, lng) })}</Link> : missing}
                  <time className="muted" dateTime={record.updatedAt}>
                    {formatDateTime(record.updatedAt, lng)}
                  </time>
                </div>
                <RecordHistoryButton sourceId={sourceId} table={page.table} recordKey={record.key} name={record.name} />
              </td>
              {rowActions && <td>{rowActions.render(record)}</td>}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
