import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { SyncRun } from '@hamgam/shared';
import { errorKindLabel, sourceName } from '../utils/labels';

export type RunErrorProps = { run: Pick<SyncRun, 'sourceId' | 'errorKind' | 'errorMessage' | 'retries'>; isCompact?: boolean };

// Where an admin fixes each kind of failure: the settings tab the link opens (`/?settings=<source>&tab=<tab>`).
const ACTION_TABS: Partial<Record<string, string>> = { network: 'connection', auth: 'connection', rate_limited: 'schedule', timeout: 'schedule' };

/**
 * A failed run in words: one translated sentence per error kind naming the upstream system, the action that fixes
 * it (a link to the settings tab) and the technical message under "details". Compact (a table cell): kind and message.
 */
export function RunError({ run, isCompact = false }: RunErrorProps) {
  const { t } = useTranslation('sync');
  if (!run.errorKind && !run.errorMessage) return null;
  if (isCompact) {
    return (
      <div className="run-error">
        {run.errorKind && <strong className="run-error__kind">{errorKindLabel(t, run.errorKind)}</strong>}
        {run.errorMessage && (
          // Server text is mostly English; let the browser pick its direction.
          <p className="run-error__message" dir="auto">
            {run.errorMessage}
          </p>
        )}
      </div>
    );
  }
  const kind = run.errorKind ?? 'internal';
  const upstream = t(`sources:${run.sourceId}.upstream`, { defaultValue: sourceName(t, run.sourceId) });
  const tab = ACTION_TABS[kind];
  return (
    <div className="run-error">
      <p className="run-error__summary">
        <strong>{t(`failure.${kind}`, { upstream, defaultValue: errorKindLabel(t, kind) })}</strong>
        {/* How hard it tried: a rate-limiting or failing upstream is retried before the run gives up. */}
        {run.retries > 0 && <> {t('failure.retried', { count: run.retries })}</>}
      </p>
      {tab && (
        <p className="run-error__action">
          <Link to={`/?settings=${encodeURIComponent(run.sourceId)}&tab=${tab}`}>{t(`failure.actions.${kind}`)}</Link>
        </p>
      )}
      {run.errorMessage && (
        <details className="run-error__details">
          <summary>{t('failure.details')}</summary>
          <p className="run-error__message" dir="auto">
            {run.errorMessage}
          </p>
        </details>
      )}
    </div>
  );
}
