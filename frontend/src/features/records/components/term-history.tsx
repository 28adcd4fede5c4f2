import { useTranslation } from 'react-i18next';
import type { StudentTermStatus } from '@hamgam/shared';
import { displayValue } from '../utils/labels';
import { termLabel } from '../../../lib/terms';

export type TermHistoryProps = { name: string; history: StudentTermStatus[] };

/** A student's status in each term, oldest first, behind a disclosure. */
export function TermHistory({ name, history }: TermHistoryProps) {
  const { t, i18n } = useTranslation('records');
  const lng = i18n.language;
  if (history.length === 0) return null;
  return (
    <details className="term-history">
      <summary>{t('table.history', { count: history.length })}</summary>
      <table className="table table--compact">
        <caption className="visually-hidden">{t('history.caption', { name })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('history.term')}</th>
            <th scope="col">{t('history.campus')}</th>
            <th scope="col">{t('history.status')}</th>
          </tr>
        </thead>
        <tbody>
          {history.map((entry) => (
            <tr key={`${entry.term}-${entry.campusCode}`}>
              <th scope="row">
                {termLabel(t, entry.term, lng)} <span className="muted">({displayValue(entry.term, lng)})</span>
              </th>
              <td>
                {entry.campusName ? (
                  <>
                    {entry.campusName} <span className="muted">({displayValue(entry.campusCode, lng)})</span>
                  </>
                ) : (
                  displayValue(entry.campusCode, lng)
                )}
              </td>
              <td>{entry.statusText ?? entry.statusCode ?? t('common:status.notAvailable')}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </details>
  );
}
