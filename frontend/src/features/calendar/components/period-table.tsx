import { useTranslation } from 'react-i18next';
import { Badge } from '../../../components/ui/badge';
import { Button } from '../../../components/ui/button';
import { formatNumber } from '../../../lib/format';
import {
  displayDate,
  gregorianOf,
  isRealJalaliDate,
  newRow,
  normalizeJalali,
  type CalendarErrors,
  type PeriodList,
  type PeriodRow,
} from '../utils/calendar-form';

export type PeriodTableProps = {
  list: PeriodList;
  rows: PeriodRow[];
  errors: CalendarErrors;
  isReadOnly: boolean;
  /** Rows that are still the suggested official holidays of an unsaved calendar. */
  suggestedKeys: ReadonlySet<string>;
  onChange: (rows: PeriodRow[]) => void;
};

const PARTS = ['name', 'start', 'end'] as const;

/** One list of the calendar (terms or closures) as a table of editable rows; plain text for auditors. */
export function PeriodTable({ list, rows, errors, isReadOnly, suggestedKeys, onChange }: PeriodTableProps) {
  const { t, i18n } = useTranslation('calendar');
  const lng = i18n.language;
  const messages = (field: string) => errors[field]?.map((code) => t(`errors.${code}`, { defaultValue: code }));
  const update = (index: number, part: (typeof PARTS)[number], value: string) =>
    onChange(rows.map((row, i) => (i === index ? { ...row, [part]: value } : row)));

  return (
    <section className="card" aria-labelledby={`calendar-${list}-title`}>
      <div className="section-header">
        <h2 id={`calendar-${list}-title`} className="section-title">
          {t(`${list}.title`)}
        </h2>
        {!isReadOnly && <Button onClick={() => onChange([...rows, newRow()])}>{t(`${list}.add`)}</Button>}
      </div>
      <p className="muted">{t(`${list}.hint`)}</p>
      {rows.length === 0 ? (
        <p className="muted">{t(`${list}.empty`)}</p>
      ) : (
        <div className="table-scroll">
          <table className="table calendar-table">
            <thead>
              <tr>
                <th scope="col">{t('columns.name')}</th>
                <th scope="col">{t('columns.start')}</th>
                <th scope="col">{t('columns.end')}</th>
                {!isReadOnly && <th scope="col">{t('columns.actions')}</th>}
              </tr>
            </thead>
            <tbody>
              {rows.map((row, index) => {
                const number = formatNumber(index + 1, lng);
                const field = (part: (typeof PARTS)[number]) => `${list}[${index}].${part}`;
                const isSuggested = suggestedKeys.has(row.key);
                if (isReadOnly) {
                  return (
                    <tr key={row.key}>
                      <th scope="row" dir="auto">
                        {row.name} {isSuggested && <Badge tone="info">{t('suggested')}</Badge>}
                      </th>
                      <td>{row.start}</td>
                      <td>{row.end}</td>
                    </tr>
                  );
                }
                return (
                  <tr key={row.key}>
                    {PARTS.map((part) => {
                      const errorId = `${field(part)}-error`;
                      const problems = messages(field(part));
                      const jalali = part === 'name' ? null : normalizeJalali(row[part]);
                      const hint = jalali && isRealJalaliDate(jalali) && lng === 'en' ? gregorianOf(jalali) : null;
                      return (
                        <td key={part}>
                          <input
                            className="form__control"
                            value={row[part]}
                            dir={part === 'name' ? 'auto' : 'ltr'}
                            inputMode={part === 'name' ? undefined : 'numeric'}
                            placeholder={part === 'name' ? undefined : displayDate('1405-07-01', lng)}
                            aria-label={t(`${list}.field.${part}`, { number })}
                            aria-invalid={problems ? true : undefined}
                            aria-describedby={problems ? errorId : undefined}
                            onChange={(event) => update(index, part, event.target.value)}
                          />
                          {part === 'name' && isSuggested && <Badge tone="info">{t('suggested')}</Badge>}
                          {hint && <span className="form__hint calendar-table__hint">{t('gregorian', { date: hint })}</span>}
                          {problems && (
                            <p id={errorId} className="field-error">
                              {problems.join(' ')}
                            </p>
                          )}
                        </td>
                      );
                    })}
                    <td>
                      <Button
                        variant="ghost"
                        aria-label={t(`${list}.remove`, { number, name: row.name })}
                        onClick={() => onChange(rows.filter((_, i) => i !== index))}
                      >
                        {t('remove')}
                      </Button>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
