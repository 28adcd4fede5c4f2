import { useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import { serverProblems } from '../lib/query-client';
import { localizeDigits } from '../lib/format';

/** The one place 5xx and network failures are shown. */
export function ServerProblemBanner() {
  const { t, i18n } = useTranslation('common');
  const problem = useSyncExternalStore(serverProblems.subscribe, serverProblems.current);
  if (!problem) return null;
  return (
    <div className="banner banner--danger" role="alert">
      <p>{problem.status === null ? t('errors.network') : t('errors.server', { status: localizeDigits(String(problem.status), i18n.language) })}</p>
      <button type="button" className="button button--ghost" onClick={serverProblems.dismiss}>
        {t('errors.dismiss')}
      </button>
    </div>
  );
}
