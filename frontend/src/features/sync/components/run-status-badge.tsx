import { useTranslation } from 'react-i18next';
import type { RunStatus } from '@hamgam/shared';
import { Badge, type BadgeTone } from '../../../components/ui/badge';

const STATUS_TONES: Record<RunStatus, BadgeTone> = {
  pending: 'neutral',
  running: 'info',
  success: 'success',
  failed: 'danger',
  cancelled: 'warning',
};

export type RunStatusBadgeProps = { status: RunStatus };

export function RunStatusBadge({ status }: RunStatusBadgeProps) {
  const { t } = useTranslation('sync');
  return <Badge tone={STATUS_TONES[status] ?? 'neutral'}>{t(`statuses.${status}`, { defaultValue: status })}</Badge>;
}
