import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useSources } from '../features/sync/api/get-sources';
import { needsAttention } from '../features/sync/components/health-badge';

/** In the header on every page: how many sources are late or failing, linking to the dashboard's table. */
export function AttentionCount() {
  const { t } = useTranslation('common');
  const sources = useSources();
  const count = sources.data?.filter((source) => needsAttention(source.health)).length ?? 0;
  if (count === 0) return null;
  return (
    <Link to="/" className="attention-count">
      <span className="attention-count__dot" aria-hidden="true" />
      {t('attention.count', { count })}
    </Link>
  );
}
