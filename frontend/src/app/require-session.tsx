import { useTranslation } from 'react-i18next';
import { Navigate, useLocation } from 'react-router-dom';
import { Button } from '../components/ui/button';
import { useMe } from '../features/auth/api/get-me';
import { LiveUpdatesProvider } from '../features/sync/components/live-updates-provider';
import { isApiError } from '../lib/api-client';
import { SessionContext } from '../lib/session';
import { AppLayout } from './layout';

/** The signed-in part of the app: without a session, the sign-in page (coming back here afterwards). */
export function RequireSession() {
  const { t } = useTranslation('common');
  const me = useMe();
  const location = useLocation();

  if (me.isPending) {
    return (
      <p className="muted page-status" role="status">
        {t('status.loading')}
      </p>
    );
  }
  if (me.isError) {
    if (isApiError(me.error) && me.error.status === 401) {
      const next = location.pathname + location.search;
      return <Navigate to={next === '/' ? '/login' : `/login?next=${encodeURIComponent(next)}`} replace />;
    }
    return (
      <div className="notice notice--danger page-status" role="alert">
        <p>{t('errors.unexpected', { message: me.error.message })}</p>
        <Button onClick={() => void me.refetch()}>{t('status.retry')}</Button>
      </div>
    );
  }
  return (
    <SessionContext.Provider value={me.data}>
      <LiveUpdatesProvider>
        <AppLayout />
      </LiveUpdatesProvider>
    </SessionContext.Provider>
  );
}
