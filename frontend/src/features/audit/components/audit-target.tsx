import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router-dom';
import { localizeDigits } from '../../../lib/format';

export type AuditTargetProps = { target: string | null };

/** What an entry is about, in words: "run:12" as a link to run 12, "source:faculty" by the source's name. */
export function AuditTarget({ target }: AuditTargetProps) {
  const { t, i18n } = useTranslation('audit');
  const lng = i18n.language;
  const location = useLocation();
  if (!target) return null;
  const [kind, id = ''] = target.split(':', 2);
  if (kind === 'run' && /^\d+$/.test(id))
    return (
      <Link to={`/runs/${id}`} state={{ back: `${location.pathname}${location.search}` }}>
        {t('targets.run', { id: localizeDigits(id, lng) })}
      </Link>
    );
  if (kind === 'calendar') return <Link to="/calendar">{t('targets.calendar')}</Link>;
  if (kind === 'source') return <>{t('targets.source', { name: t(`sources:${id}.name`, { defaultValue: id }) })}</>;
  if (kind === 'user' && /^\d+$/.test(id)) return <>{t('targets.user', { id: localizeDigits(id, lng) })}</>;
  return <bdi dir="ltr">{target}</bdi>;
}
