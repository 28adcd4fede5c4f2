import { useTranslation } from 'react-i18next';
import { COUNT_KEYS, type RunCounts } from '@hamgam/shared';
import { formatNumber } from '../../../lib/format';

export type RunCountBarsProps = { counts: RunCounts };

/** The six counts as labelled bars, each as long as its share of the fetched records (or of the largest count). */
export function RunCountBars({ counts }: RunCountBarsProps) {
  const { t, i18n } = useTranslation('sync');
  const largest = Math.max(1, ...COUNT_KEYS.map((key) => counts[key] ?? 0));
  return (
    <dl className="count-bars">
      {COUNT_KEYS.map((key) => {
        const value = counts[key] ?? 0;
        return (
          <div key={key} className={`count-bars__row count-bars__row--${key}`}>
            <dt>{t(`counts.${key}`)}</dt>
            <dd>
              <span className="count-bars__track" aria-hidden="true">
                <span className="count-bars__bar" style={{ inlineSize: `${(100 * value) / largest}%` }} />
              </span>
              <span className="count-bars__value">{formatNumber(value, i18n.language)}</span>
            </dd>
          </div>
        );
      })}
    </dl>
  );
}
