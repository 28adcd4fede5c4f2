import { useTranslation } from 'react-i18next';
import { AuditLog } from '../../features/audit/components/audit-log';

export function AuditRoute() {
  const { t } = useTranslation('audit');
  return (
    <>
      <div className="page-header">
        <h1>{t('title')}</h1>
        <p className="muted">{t('subtitle')}</p>
      </div>
      <AuditLog />
    </>
  );
}
