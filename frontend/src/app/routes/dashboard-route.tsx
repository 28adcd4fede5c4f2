import { useTranslation } from 'react-i18next';
import { SourcesDashboard } from '../../features/sync/components/sources-dashboard';

export function DashboardRoute() {
  const { t } = useTranslation('sync');
  return (
    <>
      <div className="page-header">
        <h1>{t('dashboard.title')}</h1>
        <p className="muted">{t('dashboard.subtitle')}</p>
      </div>
      <SourcesDashboard />
    </>
  );
}
