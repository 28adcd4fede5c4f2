import { useTranslation } from 'react-i18next';
import { Badge } from '../components/ui/badge';
import { useLogout } from '../features/auth/api/logout';
import { useLogoutEverywhere } from '../features/auth/api/logout-everywhere';
import { useSession } from '../lib/session';

export function UserMenu() {
  const { t } = useTranslation('auth');
  const user = useSession();
  const logout = useLogout();
  const logoutEverywhere = useLogoutEverywhere();
  if (!user) return null;
  const isBusy = logout.isPending || logoutEverywhere.isPending;
  return (
    <div className="user-menu">
      <span className="user-menu__name" dir="auto">
        {user.displayName}
      </span>
      <Badge tone={user.role === 'admin' ? 'accent' : 'neutral'}>{t(`roles.${user.role}`)}</Badge>
      <button type="button" className="button button--ghost" onClick={() => logout.mutate()} disabled={isBusy}>
        {t('logout')}
      </button>
      <button type="button" className="button button--ghost" title={t('logoutEverywhereHint')} onClick={() => logoutEverywhere.mutate()} disabled={isBusy}>
        {t('logoutEverywhere')}
      </button>
    </div>
  );
}
