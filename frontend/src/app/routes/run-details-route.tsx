import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { RunDetails } from '../../features/sync/components/run-details';
import { useRun } from '../../features/sync/api/get-run';
import { isApiError } from '../../lib/api-client';
import { localizeDigits } from '../../lib/format';

export function RunDetailsRoute() {
  const { id = '' } = useParams();
  const { t, i18n } = useTranslation('sync');
  const run = useRun(id);

  return (
    <>
      <div className="page-header">
        <Link to="/" className="back-link">
          {t('runDetails.back')}
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
