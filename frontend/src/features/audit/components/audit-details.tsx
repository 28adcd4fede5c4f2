import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../../lib/format';
import type { SettingChange } from '@hamgam/shared';
import { fieldLabel, formatValue, isListChange, listLines, isSecretChange, sourceIdOf } from '../utils/setting-change';

export type AuditDetailsProps = { details: Record<string, unknown> | null; target: string | null };

function show(value: unknown): string {
  return typeof value === 'string' ? value : JSON.stringify(value);
}

type DetailLineProps = { name: string; value: unknown };

/** One other detail, its name translated and its coded values (source, trigger, mode) in words. */
function DetailLine({ name, value }: DetailLineProps) {
  const { t, i18n } = useTranslation('audit');
  const text = String(value);
  const words: Record<string, () => string> = {
    sourceId: () => t(`sources:${text}.name`, { defaultValue: text }),
    trigger: () => t(`sync:triggers.${text}`, { defaultValue: text }),
    mode: () => t(`sync:triggerDialog.modes.${text}`, { defaultValue: text }),
    sessions: () => formatNumber(Number(value), i18n.language),
  };
  return (
    <li>
      <span className="audit-details__field">{t(`detailKeys.${name}`, { defaultValue: name })}</span>:{' '}
      {words[name] ? words[name]() : <bdi dir="auto">{show(value)}</bdi>}
    </li>
  );
}

type ChangeLineProps = { path: string; change: SettingChange; sourceId: string | null };

/** "field: old → new"; a list as its added and removed lines; a secret only as changed. */
function ChangeLine({ path, change, sourceId }: ChangeLineProps) {
  const { t, i18n } = useTranslation('audit');
  const lng = i18n.language;
  const label = <span className="audit-details__field">{fieldLabel(t, path, sourceId)}</span>;
  if (isSecretChange(change)) {
    return (
      <li>
        {label}: {t('secretChanged')}
      </li>
    );
  }
  if (isListChange(change)) {
    return (
      <li>
        {label}:
        <ul className="audit-details__list">
          {listLines(t, path, change.added, lng).map((line) => (
            <li key={`added-${line}`} className="audit-details__added">
              {t('diff.added', { item: line })}
            </li>
          ))}
          {listLines(t, path, change.removed, lng).map((line) => (
            <li key={`removed-${line}`} className="audit-details__removed">
              {t('diff.removed', { item: line })}
            </li>
          ))}
        </ul>
      </li>
    );
  }
  // The arrow points the way the line is read: old → new in English, old ← new in Persian.
  const arrow = i18n.dir(lng) === 'rtl' ? '←' : '→';
  return (
    <li>
      {label}: <bdi>{formatValue(t, path, change.before, lng)}</bdi>{' '}
      <span role="img" aria-label={t('diff.to')}>
        {arrow}
      </span>{' '}
      <bdi>{formatValue(t, path, change.after, lng)}</bdi>
    </li>
  );
}

/** A settings or user change as one line per field; other details as key: value. */
export function AuditDetails({ details, target }: AuditDetailsProps) {
  if (!details) return null;
  const changes = details.changes as Record<string, SettingChange> | undefined;
  const rest = Object.entries(details).filter(([key, value]) => key !== 'changes' && value !== null && value !== undefined);
  const sourceId = sourceIdOf(target);
  return (
    <ul className="audit-details">
      {changes && Object.keys(changes).length === 0 && <NoChange />}
      {changes && Object.entries(changes).map(([path, change]) => <ChangeLine key={path} path={path} change={change} sourceId={sourceId} />)}
      {rest.map(([key, value]) => (
        <DetailLine key={key} name={key} value={value} />
      ))}
    </ul>
  );
}

/** Entries recorded before every settings change had its diff (an empty `changes`). */
function NoChange() {
  const { t } = useTranslation('audit');
  return <li className="muted">{t('diff.noDetails')}</li>;
}
