import { useTranslation } from 'react-i18next';
import { ChannelsSection } from './channels-section';
import { DeliveriesSection } from './deliveries-section';
import { IncidentsSection } from './incidents-section';
import '../alerts.css';

/** The Alerts page: incidents first (what is wrong now), the channels, and what was sent. */
export function AlertsPage() {
  const { t } = useTranslation('alerts');
  return (
    <>
      <div className="page-header">
        <h1>{t('title')}</h1>
        <p className="muted">{t('subtitle')}</p>
      </div>
      <IncidentsSection />
      <ChannelsSection />
      <DeliveriesSection />
    </>
  );
}
