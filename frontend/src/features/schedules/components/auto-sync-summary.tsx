import { useTranslation } from 'react-i18next';
import type { Source } from '@hamgam/shared';
import { Button } from '../../../components/ui/button';
import { formatDateTimeIn } from '../../../lib/format';
import { useClearBackoff } from '../api/clear-back-off';
import { useScheduleConfig } from '../api/get-schedule-config';
import { intervalLabel, quietWindowSentence, reasonLabel } from '../utils/labels';
import '../schedules.css';

export type AutoSyncSummaryProps = { source: Source };

// Until the server's settings arrive (or if they cannot be read), the zone every university in Iran keeps.
const FALLBACK_TIME_ZONE = 'Asia/Tehran';

/**
 * On the source card: the schedule (with its in-term interval), the next run (Jalali in fa, as a wall clock in the
 * university's zone like the previews, whatever the browser's zone), and back-off, pause or kill switch when they apply.
 */
export function AutoSyncSummary({ source }: AutoSyncSummaryProps) {
  const { t, i18n } = useTranslation('schedules');
  const clear = useClearBackoff();
  const timeZone = useScheduleConfig().data?.timeZone ?? FALLBACK_TIME_ZONE;
  const { autoSync } = source;
  const isPaused = autoSync.enabled && autoSync.pausedAt !== null;
  const isBackingOff = autoSync.enabled && !isPaused && autoSync.failures > 0;

  return (
    <section className="auto-sync" aria-label={t('card.title')}>
      <dl className="facts">
        <div>
          <dt>{t('card.title')}</dt>
          <dd>
            {!autoSync.enabled && t('card.off')}
            {autoSync.enabled && autoSync.cron && (
              <>
                {t('card.cron')} <code dir="ltr">{autoSync.cron}</code>
              </>
            )}
            {autoSync.enabled && !autoSync.cron && intervalLabel(t, autoSync)}
          </dd>
        </div>
        {autoSync.enabled && autoSync.inTerm && (
          <div>
            <dt>{t('card.inTerm')}</dt>
            <dd>{intervalLabel(t, autoSync.inTerm)}</dd>
          </div>
        )}
        {autoSync.enabled && autoSync.quietWindow && (
          <div>
            <dt>{t('card.quietWindow')}</dt>
            <dd>{quietWindowSentence(t, autoSync.quietWindow, i18n.language)}</dd>
          </div>
        )}
        {autoSync.nextRunAt && (
          <div>
            <dt>{t('card.nextRun')}</dt>
            <dd>
              <time dateTime={autoSync.nextRunAt}>{formatDateTimeIn(autoSync.nextRunAt, i18n.language, timeZone)}</time>
              {autoSync.nextRunReason && autoSync.nextRunReason !== 'regular' && <> ({reasonLabel(t, autoSync.nextRunReason)})</>}
            </dd>
          </div>
        )}
      </dl>
      {autoSync.enabled && !autoSync.isAllowed && (
        <div className="notice notice--warning">
          <p>{t('card.killSwitch')}</p>
        </div>
      )}
      {(isPaused || isBackingOff) && (
        <div className="notice notice--warning auto-sync__backoff">
          <p>{isPaused ? t('card.paused', { count: autoSync.failures }) : t('card.backoff', { count: autoSync.failures, factor: autoSync.backoffFactor })}</p>
          <Button onClick={() => clear.mutate(source.id)} isBusy={clear.isPending}>
            {isPaused ? t('card.resume') : t('card.clearBackoff')}
          </Button>
        </div>
      )}
      {clear.isError && (
        <p className="form-error" role="alert" dir="auto">
          {t('card.clearFailed', { message: clear.error.message })}
        </p>
      )}
    </section>
  );
}
