import { useTranslation } from 'react-i18next';
import { COUNT_KEYS, type RunCounts } from '@hamgam/shared';
import { formatNumber } from '../../../lib/format';
import { countHint } from '../utils/labels';

export type RunCountBarsProps = { counts: RunCounts; sourceId: string };

/**
 * The six counts as labelled bars, each as long as its share of the largest count. A source whose counts count
 * different things (Moodle) says under each label what it counts.
 */
export function RunCountBars({ counts, sourceId }: RunCountBarsProps) {
  const { t, i18n } = useTranslation('sync');
  const largest = Math.max(1, ...COUNT_KEYS.map((key) => counts[key] ?? 0));
  const note = countHint(t, sourceId, 'note');
  return (
    <>
      {note && <p className="counts__note">{note}</p>}
      <dl className="count-bars">
        {COUNT_KEYS.map((key) => {
          const value = counts[key] ?? 0;
          const hint = countHint(t, sourceId, key);
          return (
            <div key={key} className={`count-bars__row count-bars__row--${key}`}>
              <dt>
                {t(`counts.${key}`)}
                {hint && <span className="count-bars__hint">{hint}</span>}
              </dt>
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
    </>
  );
}
