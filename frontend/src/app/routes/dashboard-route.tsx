import type { ComponentType } from 'react';
import { useTranslation } from 'react-i18next';
import type { Source } from '@hamgam/shared';
import { CrmCardSummary } from '../../features/crm/components/crm-card-summary';
import { AutoSyncSummary } from '../../features/schedules/components/auto-sync-summary';
import { CampusesNotice } from '../../features/students/components/campuses-notice';
import type { SourceCardSlots } from '../../features/sync/components/source-card';
import { SourcesDashboard } from '../../features/sync/components/sources-dashboard';
import { sourceName } from '../../features/sync/utils/labels';
import { SourceSettingsButton } from '../source-settings/source-settings-button';

// What a source's own feature adds to its card, above the schedule.
const SOURCE_NOTICES: Record<string, ComponentType<{ source: Source }>> = {
  students: CampusesNotice,
  crm: CrmCardSummary,
};

export function DashboardRoute() {
  const { t } = useTranslation('sync');
  const cardSlots = (source: Source): SourceCardSlots => {
    const Notice = SOURCE_NOTICES[source.id];
    return {
      summary: (
        <>
          {Notice && <Notice source={source} />}
          <AutoSyncSummary source={source} />
        </>
      ),
      adminActions: <SourceSettingsButton source={source} sourceName={sourceName(t, source.id)} />,
    };
  };
  return (
    <>
      <div className="page-header">
        <h1>{t('dashboard.title')}</h1>
        <p className="muted">{t('dashboard.subtitle')}</p>
      </div>
      <SourcesDashboard cardSlots={cardSlots} />
    </>
  );
}
