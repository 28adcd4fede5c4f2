import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { AcademicCalendar } from '@hamgam/shared';
import { Button } from '../../../components/ui/button';
import { serverFieldErrors } from '../../../lib/api-client';
import { formatDateTime, localizeDigits } from '../../../lib/format';
import { useIsAdmin } from '../../../lib/session';
import { useCalendar } from '../api/get-calendar';
import { useSaveCalendar } from '../api/save-calendar';
import { checkRows, toInput, toRows, PERIOD_LISTS, type CalendarErrors, type CalendarRows, type PeriodList, type PeriodRow } from '../utils/calendar-form';
import { PeriodTable } from './period-table';
import { UnsavedChangesGuard } from './unsaved-changes-guard';

/** The academic calendar: admins keep its terms and closures, auditors read them. */
export function CalendarPage() {
  const { t } = useTranslation('calendar');
  const calendar = useCalendar();
  return (
    <div className="calendar">
      <div className="page-header">
        <h1>{t('title')}</h1>
        <p className="muted">{t('subtitle')}</p>
      </div>
      {calendar.isPending && <p className="muted">{t('common:status.loading')}</p>}
      {calendar.isError && <p className="form-error">{calendar.error.message}</p>}
      {calendar.data && <CalendarForm calendar={calendar.data} />}
    </div>
  );
}

type CalendarFormProps = { calendar: AcademicCalendar };

function CalendarForm({ calendar }: CalendarFormProps) {
  const { t, i18n } = useTranslation('calendar');
  const lng = i18n.language;
  const isReadOnly = !useIsAdmin();
  const save = useSaveCalendar();
  const [rows, setRows] = useState<CalendarRows>(() => toRows(calendar, lng));
  const [baseline, setBaseline] = useState(() => JSON.stringify(toInput(toRows(calendar, lng))));
  const [suggestedKeys, setSuggestedKeys] = useState<ReadonlySet<string>>(() => new Set(calendar.isSaved ? [] : rows.closures.map((row) => row.key)));
  const [localErrors, setLocalErrors] = useState<CalendarErrors>({});
  const [savedAt, setSavedAt] = useState<string | null>(null);
  const isDirty = JSON.stringify(toInput(rows)) !== baseline;

  const serverErrors = serverFieldErrors(save.error);
  const errors: CalendarErrors = { ...serverErrors, ...localErrors };
  const rowFields = PERIOD_LISTS.flatMap((list) => rows[list].flatMap((_, index) => ['name', 'start', 'end'].map((part) => `${list}[${index}].${part}`)));
  const otherErrors = Object.entries(serverErrors).filter(([field]) => !rowFields.includes(field));
  const failure =
    save.isError && Object.keys(serverErrors).length === 0
      ? t('saveFailed', { message: save.error.message })
      : otherErrors.length > 0
        ? otherErrors.map(([field, codes]) => `${field}: ${codes.map((code) => t(`errors.${code}`, { defaultValue: code })).join(' ')}`).join(' ')
        : null;

  useEffect(() => {
    if (save.isError || Object.keys(localErrors).length > 0) document.querySelector<HTMLElement>('.calendar [aria-invalid="true"]')?.focus();
  }, [save.isError, save.error, localErrors]);

  const change = (list: PeriodList, next: PeriodRow[]) => {
    setRows((current) => ({ ...current, [list]: next }));
    setSavedAt(null);
    setLocalErrors({});
    // Row indexes move when rows come and go: the server's answer no longer points at the right ones.
    if (save.isError) save.reset();
  };

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const problems = checkRows(rows);
    setLocalErrors(problems);
    if (Object.keys(problems).length > 0) return;
    save.mutate(toInput(rows), {
      onSuccess: (saved) => {
        const next = toRows(saved, lng);
        setRows(next);
        setBaseline(JSON.stringify(toInput(next)));
        setSuggestedKeys(new Set());
        setSavedAt(saved.updatedAt);
      },
    });
  };

  return (
    <form className="form calendar__form" noValidate onSubmit={onSubmit}>
      {!calendar.isSaved && suggestedKeys.size > 0 && (
        <div className="notice notice--info" role="note">
          {t('prefilled', { year: localizeDigits(String(calendar.prefilledYear ?? ''), lng) })}
        </div>
      )}
      {isReadOnly && <p className="notice">{t('readOnly')}</p>}
      {PERIOD_LISTS.map((list) => (
        <PeriodTable
          key={list}
          list={list}
          rows={rows[list]}
          errors={errors}
          isReadOnly={isReadOnly}
          suggestedKeys={suggestedKeys}
          onChange={(next) => change(list, next)}
        />
      ))}
      {calendar.isSaved && calendar.updatedAt && !savedAt && (
        <p className="muted">{t('lastSaved', { at: formatDateTime(calendar.updatedAt, lng), by: calendar.updatedBy ?? t('unknownUser') })}</p>
      )}
      {!isReadOnly && (
        <>
          {failure !== null && (
            <p className="form-error" role="alert" dir="auto">
              {failure}
            </p>
          )}
          <div className="form__actions">
            <Button type="submit" variant="primary" isBusy={save.isPending}>
              {t('save')}
            </Button>
            {isDirty && !save.isPending && <span className="muted">{t('unsaved')}</span>}
            <span role="status" className="calendar__saved">
              {savedAt && !isDirty ? t('saved', { at: formatDateTime(savedAt, lng) }) : ''}
            </span>
          </div>
          <UnsavedChangesGuard when={isDirty} />
        </>
      )}
    </form>
  );
}
