import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { COUNT_KEYS, type RunCounts as Counts } from '@hamgam/shared';
import { formatNumber } from '../../../lib/format';
import { countHint } from '../utils/labels';

export type RunCountsProps = { counts: Counts; sourceId?: string; isCompact?: boolean; label?: string };

/** The six record counts of a run, as a description list; with the source's note when its counts do not compare. */
export function RunCounts({ counts, sourceId, isCompact = false, label }: RunCountsProps) {
  const { t, i18n } = useTranslation('sync');
  const noteId = useId();
  const note = sourceId && !isCompact ? countHint(t, sourceId, 'note') : null;
  return (
    <>
      <dl className={isCompact ? 'counts counts--compact' : 'counts'} aria-label={label} aria-describedby={note ? noteId : undefined}>
        {COUNT_KEYS.map((key) => (
          <div key={key} className={`counts__item counts__item--${key}`}>
            <dt>{t(`counts.${key}`)}</dt>
            <dd>{formatNumber(counts[key] ?? 0, i18n.language)}</dd>
          </div>
        ))}
      </dl>
      {note && (
        <p id={noteId} className="counts__note">
          {note}
        </p>
      )}
    </>
  );
}
