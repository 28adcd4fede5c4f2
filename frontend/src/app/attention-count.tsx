import { useEffect } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { alertKeys } from '../features/alerts/api/alert-keys';
import { useIncidentSummary } from '../features/alerts/api/get-incidents';
import { useSources } from '../features/sync/api/get-sources';

/**
 * In the header on every page: how many incidents are open (a source failing or late, until its next success),
 * linking to them on the Alerts page. Incidents open and close with health changes, which reach the cached sources
 * as events, so the count is fetched again whenever a source's state changes.
 */
export function AttentionCount() {
  const { t } = useTranslation('common');
  const queryClient = useQueryClient();
  const sources = useSources();
  const summary = useIncidentSummary();
  const states = sources.data?.map((source) => `${source.id}:${source.health.state}`).join(',');

  useEffect(() => {
    if (states !== undefined) void queryClient.invalidateQueries({ queryKey: alertKeys.summary() });
  }, [states, queryClient]);

  const count = summary.data?.open ?? 0;
  if (count === 0) return null;
  return (
    <Link to="/alerts#incidents" className="attention-count" title={t('attention.label')}>
      <span className="attention-count__dot" aria-hidden="true" />
      {t('attention.count', { count })}
    </Link>
  );
}
