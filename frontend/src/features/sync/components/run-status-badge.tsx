import { useTranslation } from 'react-i18next';
import type { RunStatus } from '@hamgam/shared';
import { Badge, type BadgeTone } from '../../../components/ui/badge';

const STATUS_TONES: Record<RunStatus, BadgeTone> = {
  pending: 'neutral',
  running: 'info',
  success: 'success',
  failed: 'danger',
  cancelled: 'warning',
  awaiting_approval: 'accent',
};

/** `isDryRun` adds a second badge: the run stored nothing, its counts are what it would have done. */
export type RunStatusBadgeProps = { status: RunStatus; isDryRun?: boolean };

export function RunStatusBadge({ status, isDryRun = false }: RunStatusBadgeProps) {
  const { t } = useTranslation('sync');
  const badge = <Badge tone={STATUS_TONES[status] ?? 'neutral'}>{t(`statuses.${status}`, { defaultValue: status })}</Badge>;
  if (!isDryRun) return badge;
  return (
    <span className="badge-group">
      {badge}
      <Badge tone="info" title={t('dryRun.hint')}>
        {t('dryRun.badge')}
      </Badge>
    </span>
  );
}
