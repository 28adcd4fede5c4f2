import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Outlet } from 'react-router-dom';
import { LanguageSwitch } from './language-switch';
import { LiveStatus } from './live-status';
import { ServerProblemBanner } from './server-problem-banner';

export function AppLayout() {
  const { t, i18n } = useTranslation('common');

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
            <LiveStatus />
            <LanguageSwitch />
          </div>
        </div>
      </header>
      <ServerProblemBanner />
      <main id="main" className="content" tabIndex={-1}>
        <Outlet />
      </main>
    </div>
  );
}
