import { useTranslation } from 'react-i18next';
import type { Source } from '@hamgam/shared';

export type CampusesNoticeProps = { source: Source };

/** The gateway cannot list its campuses and a new install lists none: say so on the card, since a run would fail. */
export function CampusesNotice({ source }: CampusesNoticeProps) {
  const { t } = useTranslation('sources', { keyPrefix: 'students' });
  const campuses = Array.isArray(source.options.campuses) ? source.options.campuses : [];
  if (campuses.length > 0) return null;
  return (
    <div className="notice notice--warning" role="status">
      <p>{t('card.noCampuses')}</p>
    </div>
  );
}
