import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, NavLink, Outlet } from 'react-router-dom';
import { useIsAdmin } from '../lib/session';
import { AttentionCount } from './attention-count';
import { LanguageSwitch } from './language-switch';
import { LiveStatus } from './live-status';
import { ServerProblemBanner } from './server-problem-banner';
import { UserMenu } from './user-menu';

export function AppLayout() {
  const { t, i18n } = useTranslation('common');
  const isAdmin = useIsAdmin();

  useEffect(() => {
    document.title = t('app.name');
  }, [t, i18n.language]);

  return (
    <div className="app">
      <a className="skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      <header className="topbar">
        <div className="topbar__inner">
          <Link to="/" className="topbar__brand">
            <span className="topbar__name">{t('app.name')}</span>
            <span className="topbar__tagline">{t('app.tagline')}</span>
          </Link>
          <div className="topbar__tools">
            <AttentionCount />
            <LiveStatus />
            <LanguageSwitch />
            <UserMenu />
          </div>
        </div>
        <nav className="nav" aria-label={t('app.mainNav')}>
          <NavLink to="/" end className="nav__link">
            {t('app.dashboard')}
          </NavLink>
          <NavLink to="/history" className="nav__link">
            {t('app.history')}
          </NavLink>
          <NavLink to="/calendar" className="nav__link">
            {t('app.calendar')}
          </NavLink>
          <NavLink to="/audit" className="nav__link">
            {t('app.audit')}
          </NavLink>
          <NavLink to="/alerts" className="nav__link">
            {t('app.alerts')}
          </NavLink>
          {isAdmin && (
            <NavLink to="/users" className="nav__link">
              {t('app.users')}
            </NavLink>
          )}
        </nav>
      </header>
      <ServerProblemBanner />
      <main id="main" className="content" tabIndex={-1}>
        <Outlet />
      </main>
    </div>
  );
}
