import { useTranslation } from 'react-i18next';
import type { SyncRun } from '@hamgam/shared';
import { formatDuration } from '../../../lib/format';

const WIDTH = 80;
const HEIGHT = 20;
const PAD = 2;

export type DurationSparklineProps = {
  /** Finished runs, newest first (as the API lists them). */
  runs: SyncRun[];
};

/** The durations of the last runs as a small line, oldest to newest in reading order; failed runs as red dots. */
export function DurationSparkline({ runs }: DurationSparklineProps) {
  const { t, i18n } = useTranslation('sync');
  const points = runs
    .filter((run) => run.durationMs !== null)
    .reverse()
    .map((run) => ({ ms: run.durationMs ?? 0, isFailed: run.status === 'failed' }));
  if (points.length < 2) return <span className="muted">{t('common:status.notAvailable')}</span>;
  const max = Math.max(...points.map((point) => point.ms), 1);
  const min = Math.min(...points.map((point) => point.ms));
  const x = (i: number) => PAD + (i * (WIDTH - 2 * PAD)) / (points.length - 1);
  const y = (ms: number) => HEIGHT - PAD - ((ms - min) / Math.max(max - min, 1)) * (HEIGHT - 2 * PAD);
  const label = t('overview.sparkline', {
    count: points.length,
    min: formatDuration(min, i18n.language),
    max: formatDuration(max, i18n.language),
  });
  return (
    <svg className="sparkline" viewBox={`0 0 ${WIDTH} ${HEIGHT}`} width={WIDTH} height={HEIGHT} role="img" aria-label={label}>
      <title>{label}</title>
      <polyline fill="none" stroke="currentColor" strokeWidth="1.5" points={points.map((point, i) => `${x(i)},${y(point.ms)}`).join(' ')} />
      {points.map((point, i) => (point.isFailed ? <circle key={i} className="sparkline__failed" cx={x(i)} cy={y(point.ms)} r="2" /> : null))}
    </svg>
  );
}
