import { useTranslation } from 'react-i18next';
import { HistoryView } from '../../features/sync/components/history/history-view';

export function HistoryRoute() {
  const { t } = useTranslation('sync');
  return (
    <>
      <div className="page-header">
        <h1>{t('history.title')}</h1>
        <p className="muted">{t('history.subtitle')}</p>
      </div>
      <HistoryView />
    </>
  );
}
