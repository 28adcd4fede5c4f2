import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Source } from '@hamgam/shared';
import { SourceOverviewRow } from './source-overview-row';

// Relative times ("3 minutes ago") move on without new data.
const CLOCK_TICK_MS = 30_000;

export type SourcesOverviewProps = { sources: Source[] };

/** Every source at a glance, one row each; the table scrolls inside its card on narrow screens. */
export function SourcesOverview({ sources }: SourcesOverviewProps) {
  const { t } = useTranslation('sync');
  const headingId = useId();
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const timer = setInterval(() => setNow(new Date()), CLOCK_TICK_MS);
    return () => clearInterval(timer);
  }, []);

  return (
    <section className="card overview" aria-labelledby={headingId}>
      <h2 id={headingId} className="overview__title">
        {t('overview.title')}
      </h2>
      <div className="table-scroll" tabIndex={0} role="region" aria-labelledby={headingId}>
        <table className="table overview__table" aria-labelledby={headingId}>
          <thead>
            <tr>
              <th scope="col">{t('overview.columns.source')}</th>
              <th scope="col">{t('overview.columns.state')}</th>
              <th scope="col">{t('overview.columns.lastSuccess')}</th>
              <th scope="col">{t('overview.columns.lastRun')}</th>
              <th scope="col">{t('overview.columns.nextRun')}</th>
              <th scope="col">{t('overview.columns.records')}</th>
              <th scope="col">{t('overview.columns.durations')}</th>
            </tr>
          </thead>
          <tbody>
            {sources.map((source) => (
              <SourceOverviewRow key={source.id} source={source} now={now} />
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
