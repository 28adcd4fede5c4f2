import { useEffect, useRef, useState } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { CrmConflictStatus, Source } from '@hamgam/shared';
import { Tabs } from '../../../components/ui/tabs';
import { apiClient } from '../../../lib/api-client';
import { sourceKeys } from '../../../lib/source-keys';
import { crmKeys } from '../api/crm-keys';
import '../crm.css';
import { ConflictsList } from './conflicts-list';
import { OutboxTable } from './outbox-table';

/** Refetches the outbox and the conflicts when a CRM run ends (the run.finished event writes the source's last run). */
function useRefreshAfterRuns() {
  const queryClient = useQueryClient();
  const source = useQuery({
    queryKey: sourceKeys.detail('crm'),
    queryFn: ({ signal }) => apiClient.get<Source>('/sources/crm', { signal }),
  });
  const lastRun = source.data?.lastRun;
  const seen = useRef<string | null | undefined>(undefined);
  const runKey = lastRun ? `${lastRun.id}:${lastRun.status}` : null;
  useEffect(() => {
    if (seen.current !== undefined && seen.current !== runKey) {
      void queryClient.invalidateQueries({ queryKey: crmKeys.outbox() });
      void queryClient.invalidateQueries({ queryKey: crmKeys.conflictLists() });
    }
    seen.current = runKey;
  }, [queryClient, runKey]);
}

/** The CRM's two-way side: what waits to be pushed, and the conflicts (open ones to resolve, resolved ones). */
export function CrmPage() {
  const { t } = useTranslation('sources', { keyPrefix: 'crm.page' });
  const [status, setStatus] = useState<CrmConflictStatus>('open');
  useRefreshAfterRuns();
  return (
    <>
      <div className="page-header">
        <Link to="/" className="back-link">
          {t('back')}
        </Link>
        <h1>{t('title')}</h1>
        <p className="muted">{t('subtitle')}</p>
      </div>
      <section className="card crm-section" aria-labelledby="crm-conflicts">
        <h2 id="crm-conflicts">{t('conflicts.title')}</h2>
        <Tabs
          label={t('conflicts.title')}
          selectedId={status}
          onSelect={(id) => setStatus(id as CrmConflictStatus)}
          tabs={(['open', 'resolved'] as const).map((id) => ({
            id,
            label: t(`conflicts.tabs.${id}`),
            panel: id === status ? <ConflictsList status={id} /> : null,
          }))}
        />
      </section>
      <section className="card crm-section" aria-labelledby="crm-outbox">
        <h2 id="crm-outbox">{t('outbox.title')}</h2>
        <OutboxTable />
      </section>
    </>
  );
}
