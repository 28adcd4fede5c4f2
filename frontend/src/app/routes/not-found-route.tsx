import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';

export function NotFoundRoute() {
  const { t } = useTranslation('common');
  return (
    <div className="page-header">
      <h1>{t('notFound.title')}</h1>
      <Link to="/">{t('notFound.back')}</Link>
    </div>
  );
}
