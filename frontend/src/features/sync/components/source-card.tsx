import { useId, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { Source } from '@hamgam/shared';
import { Badge } from '../../../components/ui/badge';
import { Button } from '../../../components/ui/button';
import { useIsAdmin } from '../../../lib/session';
import { sourceName } from '../utils/labels';
import { isActiveRun } from '../utils/run-status';
import { ActiveRunPanel } from './active-run-panel';
import { CancelRunDialog } from './cancel-run-dialog';
import { HealthBadge } from './health-badge';
import { LastRunSummary } from './last-run-summary';
import { RecentRuns } from './recent-runs';
import { SourceSettingsSummary } from './source-settings-summary';
import { StandInBadge } from './stand-in-badge';
import { TriggerRunDialog } from './trigger-run-dialog';

/** What other features add to a card; `app/` fills them, since features do not import each other. */
export type SourceCardSlots = {
  /** Under the settings summary, e.g. the automatic schedule. */
  summary?: ReactNode;
  /** Beside the sync button, shown to admins only, e.g. the settings button. */
  adminActions?: ReactNode;
};

export type SourceCardProps = { source: Source; slots?: SourceCardSlots };

export function SourceCard({ source, slots = {} }: SourceCardProps) {
  const { t } = useTranslation('sync');
  const headingId = useId();
  const [isTriggerOpen, setIsTriggerOpen] = useState(false);
  const isAdmin = useIsAdmin();
  const activeRun = isActiveRun(source.activeRun) ? source.activeRun : null;
  // The run being cancelled, followed while active and then as the last run, so the dialog can say how it ended.
  const [cancelRunId, setCancelRunId] = useState<string | null>(null);
  const cancelTarget = [source.activeRun, source.lastRun].find((run) => run != null && run.id === cancelRunId) ?? null;

  return (
    <article id={`source-${source.id}`} className="card source-card" aria-labelledby={headingId} data-source-id={source.id}>
      <header className="source-card__header">
        <h2 id={headingId} className="source-card__title">
          {sourceName(t, source.id)}
        </h2>
        <div className="source-card__badges">
          {source.isStandIn && <StandInBadge />}
          <Badge tone="neutral">{t(`kinds.${source.kind}`, { defaultValue: source.kind })}</Badge>
          {!source.enabled && <Badge tone="warning">{t('sourceCard.disabled')}</Badge>}
          <HealthBadge health={source.health} />
        </div>
      </header>

      <SourceSettingsSummary source={source} />
      {slots.summary}

      {activeRun ? <ActiveRunPanel run={activeRun} onCancel={() => setCancelRunId(activeRun.id)} /> : <LastRunSummary run={source.lastRun} />}

      <div className="source-card__actions">
        {isAdmin && (
          <>
            <Button
              variant="primary"
              onClick={() => setIsTriggerOpen(true)}
              disabled={activeRun !== null}
              title={activeRun ? t('sourceCard.syncDisabledActive') : undefined}
            >
              {t('sourceCard.sync')}
            </Button>
            {slots.adminActions}
          </>
        )}
        {source.hasRecords && (
          <Link to={`/sources/${encodeURIComponent(source.id)}/records`} className="button button--ghost">
            {t('sourceCard.records')}
          </Link>
        )}
      </div>

      <RecentRuns sourceId={source.id} />

      {cancelTarget && <CancelRunDialog run={cancelTarget} onClose={() => setCancelRunId(null)} />}
      {isTriggerOpen && <TriggerRunDialog sourceId={source.id} modes={source.modes} canDryRun={source.canDryRun} onClose={() => setIsTriggerOpen(false)} />}
    </article>
  );
}
