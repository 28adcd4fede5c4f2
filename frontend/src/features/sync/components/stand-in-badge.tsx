import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Badge } from '../../../components/ui/badge';

/** Marks a source wired to the bundled demo gateway, so nobody mistakes its data for the university's. */
export function StandInBadge() {
  const { t } = useTranslation('sync');
  const hintId = useId();
  return (
    <>
      <Badge tone="accent" title={t('sourceCard.standInHint')} describedBy={hintId}>
        {t('sourceCard.standIn')}
      </Badge>
      <span id={hintId} className="visually-hidden">
        {t('sourceCard.standInHint')}
      </span>
    </>
  );
}
