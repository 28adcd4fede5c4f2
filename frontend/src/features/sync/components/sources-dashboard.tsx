import { useTranslation } from 'react-i18next';
import { Button } from '../../../components/ui/button';
import { useSources } from '../api/get-sources';
import type { Source } from '@hamgam/shared';
import { SourceCard, type SourceCardSlots } from './source-card';
import { SourcesOverview } from './sources-overview';

export type SourcesDashboardProps = { cardSlots?: (source: Source) => SourceCardSlots };

/** Every source at a glance in one table, then one card per source (for actions), in the order the server lists them. */
export function SourcesDashboard({ cardSlots }: SourcesDashboardProps) {
  const { t } = useTranslation('sync');
  const sources = useSources();

  if (sources.isPending) {
    return (
      <p className="muted" role="status">
        {t('common:status.loading')}
      </p>
    );
  }
  if (sources.isError) {
    return (
      <div className="notice notice--danger" role="alert">
        <p>{t('dashboard.loadError')}</p>
        <Button onClick={() => void sources.refetch()}>{t('common:status.retry')}</Button>
      </div>
    );
  }
  if (sources.data.length === 0) return <p className="muted">{t('dashboard.empty')}</p>;
  return (
    <>
      <SourcesOverview sources={sources.data} />
      <div className="source-grid">
        {sources.data.map((source) => (
          <SourceCard key={source.id} source={source} slots={cardSlots?.(source)} />
        ))}
      </div>
    </>
  );
}
