import { useTranslation } from 'react-i18next';
import { formatTime } from '../../../lib/format';
import { useRunLog } from '../api/get-run-log';

export type RunLogViewProps = { runId: string; isRunActive: boolean };

/** The run's log lines; refetched every 2 s while the run is active. */
export function RunLogView({ runId, isRunActive }: RunLogViewProps) {
  const { t, i18n } = useTranslation('sync');
  const log = useRunLog(runId, isRunActive);
  return (
    <section className="card" aria-labelledby="run-log-title">
      <div className="section-header">
        <h2 id="run-log-title" className="section-title">
          {t('runDetails.log')}
        </h2>
        <a className="button button--secondary" href={`/api/runs/${encodeURIComponent(runId)}/log.txt`} download>
          {t('runDetails.downloadLog')}
        </a>
      </div>
      {isRunActive && <p className="muted">{t('runDetails.logLive')}</p>}
      {log.isPending && <p className="muted">{t('common:status.loading')}</p>}
      {log.isError && <p className="form-error">{log.error.message}</p>}
      {log.data?.truncated && <p className="muted">{t('runDetails.logTruncated')}</p>}
      {log.data?.lines.length === 0 && <p className="muted">{t('runDetails.logEmpty')}</p>}
      {log.data && log.data.lines.length > 0 && (
        // Log lines are the workers' own text (English, technical): left to right in either language.
        <ol className="log" dir="ltr" aria-label={t('runDetails.log')}>
          {log.data.lines.map((line) => (
            <li key={line.seq} className={`log__line log__line--${line.level}`}>
              <time dateTime={line.at} className="log__time">
                {formatTime(line.at, i18n.language)}
              </time>
              <span className="log__level">{t(`runDetails.logLevels.${line.level}`, { defaultValue: line.level })}</span>
              <span className="log__message">{line.message}</span>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
