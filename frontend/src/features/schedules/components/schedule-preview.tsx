import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTimeIn } from '../../../lib/format';
import { translatedFieldErrors } from '../../../lib/field-problems';
import { useSchedulePreview, type SchedulePreviewQuery } from '../api/get-schedule-preview';
import { reasonLabel } from '../utils/labels';

const DEBOUNCE_MS = 400;

export type SchedulePreviewListProps = { query: SchedulePreviewQuery | null; timeZone: string; errorId: string };

/**
 * The next three runs of the schedule being typed (a cron expression or an interval, the quiet window and the academic
 * calendar kept), each with why it is then, as the
 * server would plan them, written in the university's time zone whatever the browser's.
 */
export function SchedulePreviewList({ query, timeZone, errorId }: SchedulePreviewListProps) {
  const { t, i18n } = useTranslation('schedules');
  const key = JSON.stringify(query);
  const [settled, setSettled] = useState(query);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(JSON.parse(key) as SchedulePreviewQuery | null), DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [key]);
  const preview = useSchedulePreview(settled);

  if (settled === null) return null;
  if (preview.isError) {
    const messages = Object.values(translatedFieldErrors(t, preview.error)).flat();
    return (
      <p id={errorId} className="field-error">
        {messages.length > 0 ? messages.join(' ') : t('common:fieldErrors.invalid')}
      </p>
    );
  }
  if (!preview.data) return <p className="form__hint">{t('dialog.previewLoading')}</p>;
  const zone = preview.data.timeZone || timeZone;
  return (
    <div className="cron-preview">
      <p className="form__hint">{t('dialog.preview')}</p>
      <ol aria-label={t('dialog.preview')}>
        {preview.data.fireTimes.map((time, index) => (
          <li key={time}>
            <time dateTime={time}>{formatDateTimeIn(time, i18n.language, zone)}</time>
            <span className="cron-preview__reason"> ({reasonLabel(t, preview.data.reasons[index] ?? 'regular')})</span>
          </li>
        ))}
      </ol>
      <p className="form__hint">{t('dialog.previewHint', { timeZone: zone })}</p>
    </div>
  );
}
