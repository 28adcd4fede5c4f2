import { useTranslation } from 'react-i18next';
import { Link, useLocation, useParams } from 'react-router-dom';
import { RunDetails } from '../../features/sync/components/run-details';
import { useRun } from '../../features/sync/api/get-run';
import { isApiError } from '../../lib/api-client';
import { localizeDigits } from '../../lib/format';

/** Where the back link goes: the history or audit page the run was opened from, with its filters; else the dashboard. */
function backTarget(state: unknown): { to: string; label: 'dashboard' | 'history' | 'audit' } {
  const back = typeof state === 'object' && state !== null && 'back' in state && typeof state.back === 'string' ? state.back : '';
  const page = /^\/(history|audit)(\?|$)/.exec(back)?.[1] as 'history' | 'audit' | undefined;
  return page ? { to: back, label: page } : { to: '/', label: 'dashboard' };
}

export function RunDetailsRoute() {
  const { id = '' } = useParams();
  const { t, i18n } = useTranslation('sync');
  const run = useRun(id);
  const back = backTarget(useLocation().state);

  return (
    <>
      <div className="page-header">
        <Link to={back.to} className="back-link">
          {t(`common:back.${back.label}`)}
        </Link>
        <h1>{t('runDetails.title', { id: localizeDigits(id, i18n.language) })}</h1>
      </div>
      {run.isPending && (
        <p className="muted" role="status">
          {t('common:status.loading')}
        </p>
      )}
      {run.isError && (
        <div className="notice notice--danger" role="alert">
          {isApiError(run.error) && run.error.status === 404 ? t('runDetails.notFound') : run.error.message}
        </div>
      )}
      {run.data && <RunDetails run={run.data} />}
    </>
  );
}
