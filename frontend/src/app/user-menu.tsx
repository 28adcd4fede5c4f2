import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { Badge } from '../components/ui/badge';
import { useLogout } from '../features/auth/api/logout';
import { useLogoutEverywhere } from '../features/auth/api/logout-everywhere';
import { useSession } from '../lib/session';

export function UserMenu() {
  const { t } = useTranslation('auth');
  const user = useSession();
  const logout = useLogout();
  const logoutEverywhere = useLogoutEverywhere();
  const navigate = useNavigate();
  if (!user) return null;
  const isBusy = logout.isPending || logoutEverywhere.isPending;
  // Clearing the cache does not make the signed-in pages fetch the session again: go to sign-in explicitly.
  const toSignIn = { onSettled: () => navigate('/login', { replace: true }) };
  return (
    <div className="user-menu">
      <span className="user-menu__name" dir="auto">
        {user.displayName}
      </span>
      <Badge tone={user.role === 'admin' ? 'accent' : 'neutral'}>{t(`roles.${user.role}`)}</Badge>
      <button type="button" className="button button--ghost" onClick={() => logout.mutate(undefined, toSignIn)} disabled={isBusy}>
        {t('logout')}
      </button>
      <button
        type="button"
        className="button button--ghost"
        title={t('logoutEverywhereHint')}
        onClick={() => logoutEverywhere.mutate(undefined, toSignIn)}
        disabled={isBusy}
      >
        {t('logoutEverywhere')}
      </button>
    </div>
  );
}
