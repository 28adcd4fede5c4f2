import { useTranslation } from 'react-i18next';
import { UsersPage } from '../../features/users/components/users-page';

export function UsersRoute() {
  const { t } = useTranslation('users');
  return (
    <>
      <div className="page-header">
        <h1>{t('title')}</h1>
        <p className="muted">{t('subtitle')}</p>
      </div>
      <UsersPage />
    </>
  );
}
