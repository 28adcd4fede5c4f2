import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../lib/format';
import { serverFieldErrors } from '../../../lib/api-client';
import { useCronPreview } from '../api/get-cron-preview';

const DEBOUNCE_MS = 400;

export type CronPreviewListProps = { cron: string; errorId: string };

/** The next three fire times of the expression being typed, as the server reads it (its zone, its floor). */
export function CronPreviewList({ cron, errorId }: CronPreviewListProps) {
  const { t, i18n } = useTranslation('schedules');
  const [settled, setSettled] = useState(cron.trim());
  useEffect(() => {
    const timer = setTimeout(() => setSettled(cron.trim()), DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [cron]);
  const preview = useCronPreview(settled);

  if (settled === '') return null;
  if (preview.isError) {
    const messages = serverFieldErrors(preview.error).cron ?? [preview.error.message];
    return (
      <p id={errorId} className="field-error">
        <bdi>{messages.join(' ')}</bdi>
      </p>
    );
  }
  if (!preview.data) return <p className="form__hint">{t('dialog.previewLoading')}</p>;
  return (
    <div className="cron-preview">
      <p className="form__hint">{t('dialog.preview')}</p>
      <ol aria-label={t('dialog.preview')}>
        {preview.data.fireTimes.map((time) => (
          <li key={time}>
            <time dateTime={time}>{formatDateTime(time, i18n.language)}</time>
          </li>
        ))}
      </ol>
    </div>
  );
}
