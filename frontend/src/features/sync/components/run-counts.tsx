import { useTranslation } from 'react-i18next';
import { COUNT_KEYS, type RunCounts as Counts } from '@hamgam/shared';
import { formatNumber } from '../../../lib/format';

export type RunCountsProps = { counts: Counts; isCompact?: boolean; label?: string };

/** The six record counts of a run, as a description list. */
export function RunCounts({ counts, isCompact = false, label }: RunCountsProps) {
  const { t, i18n } = useTranslation('sync');
  return (
    <dl className={isCompact ? 'counts counts--compact' : 'counts'} aria-label={label}>
      {COUNT_KEYS.map((key) => (
        <div key={key} className={`counts__item counts__item--${key}`}>
          <dt>{t(`counts.${key}`)}</dt>
          <dd>{formatNumber(counts[key] ?? 0, i18n.language)}</dd>
        </div>
      ))}
    </dl>
  );
}
