import { useTranslation } from 'react-i18next';
import { Navigate, useNavigate, useSearchParams } from 'react-router-dom';
import { useMe } from '../../features/auth/api/get-me';
import { LoginForm } from '../../features/auth/components/login-form';
import { LanguageSwitch } from '../language-switch';

/** Only same-site paths: `next` comes from the URL and must not send anyone elsewhere. */
function safeNext(next: string | null): string {
  return next && next.startsWith('/') && !next.startsWith('//') ? next : '/';
}

export function LoginRoute() {
  const { t } = useTranslation('auth');
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const me = useMe();
  const next = safeNext(params.get('next'));

  if (me.data) return <Navigate to={next} replace />;
  return (
    <main id="main" className="login-page">
      <div className="login-page__lang">
        <LanguageSwitch />
      </div>
      <section className="card login-card" aria-labelledby="login-title">
        <p className="login-card__brand">{t('common:app.name')}</p>
        <h1 id="login-title">{t('login.title')}</h1>
        <p className="muted">{t('login.subtitle')}</p>
        <LoginForm onSignedIn={() => navigate(next, { replace: true })} />
      </section>
    </main>
  );
}
