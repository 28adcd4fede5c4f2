import { useTranslation } from 'react-i18next';
import { useIsLive } from '../features/sync/hooks/live-updates-context';

export function LiveStatus() {
  const { t } = useTranslation('common');
  const isLive = useIsLive();
  return (
    <span className={isLive ? 'live-status live-status--on' : 'live-status live-status--off'} role="status">
      <span className="live-status__dot" aria-hidden="true" />
      <span className="live-status__text">{t(isLive ? 'live.connected' : 'live.disconnected')}</span>
    </span>
  );
}
