import { useTranslation } from 'react-i18next';
import type { HealthState, SourceHealth } from '@hamgam/shared';
import { Badge, type BadgeTone } from '../../../components/ui/badge';

const STATE_TONES: Record<HealthState, BadgeTone> = {
  fresh: 'success',
  late: 'warning',
  failing: 'danger',
  running: 'info',
  paused: 'neutral',
  never: 'neutral',
};

export type HealthBadgeProps = { health: SourceHealth };

/** A source's health state; the reason is its tooltip. */
export function HealthBadge({ health }: HealthBadgeProps) {
  const { t } = useTranslation('sync');
  return (
    <Badge tone={STATE_TONES[health.state] ?? 'neutral'} title={t(`health.reasons.${health.reason}`, { defaultValue: '' }) || undefined}>
      {t(`health.states.${health.state}`, { defaultValue: health.state })}
    </Badge>
  );
}
