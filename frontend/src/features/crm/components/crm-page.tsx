import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { CrmConflictStatus } from '@hamgam/shared';
import { Tabs } from '../../../components/ui/tabs';
import '../crm.css';
import { ConflictsList } from './conflicts-list';
import { OutboxTable } from './outbox-table';

/** The CRM's two-way side: what waits to be pushed, and the conflicts (open ones to resolve, resolved ones). */
export function CrmPage() {
  const { t } = useTranslation('sources', { keyPrefix: 'crm.page' });
  const [status, setStatus] = useState<CrmConflictStatus>('open');
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
