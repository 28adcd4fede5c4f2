import { useTranslation } from 'react-i18next';
import type { ChangeKind, FieldChange } from '@hamgam/shared';
import { formatDateTime, localizeDigits } from '../lib/format';
import { Badge } from './ui/badge';

// A full ISO-8601 time (what the server writes for times, a record's deletion time): shown in the reader's calendar.
const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/;
const KIND_TONES = { inserted: 'success', updated: 'info', deleted: 'danger' } as const;

export type ChangeKindBadgeProps = { kind: ChangeKind };

/** Inserted / updated / deleted, translated. */
export function ChangeKindBadge({ kind }: ChangeKindBadgeProps) {
  const { t } = useTranslation('common');
  return <Badge tone={KIND_TONES[kind]}>{t(`changes.kinds.${kind}`)}</Badge>;
}

export type ChangeFieldsProps = { sourceId: string; table: string; fields: FieldChange[] };

/**
 * An update's changed fields, each "name: old → new", named as the records page names its columns
 * (`records.<table>.columns`, else `records.<table>.fields` in the source's locale file); a sensitive field says it
 * changed without values.
 */
export function ChangeFields({ sourceId, table, fields }: ChangeFieldsProps) {
  const { t, i18n } = useTranslation('common');
  const lng = i18n.language;
  if (fields.length === 0) return null;
  const label = (field: string) =>
    t(`sources:${sourceId}.records.${table}.columns.${field}`, {
      defaultValue: t(`sources:${sourceId}.records.${table}.fields.${field}`, { defaultValue: t(`changes.fields.${field}`, { defaultValue: field }) }),
    });
  const value = (text: string | null) => {
    if (text === null || text === '') return <span className="muted">{t('changes.empty')}</span>;
    if (ISO_DATE_TIME.test(text)) return <time dateTime={text}>{formatDateTime(text, lng)}</time>;
    return <bdi>{/^[\d\s/+-]+$/.test(text) ? localizeDigits(text, lng) : text}</bdi>;
  };
  return (
    <dl className="change-fields">
      {fields.map((field) => (
        <div key={field.field} className="change-fields__item">
          <dt>{label(field.field)}</dt>
          <dd>
            {field.isSensitive ? (
              <span className="muted">{t('changes.sensitive')}</span>
            ) : (
              <>
                <del>{value(field.before)}</del>
                <span aria-hidden="true" className="change-fields__arrow">
                  {lng === 'fa' ? ' ← ' : ' → '}
                </span>
                <span className="visually-hidden"> {t('changes.to')} </span>
                <ins>{value(field.after)}</ins>
              </>
            )}
          </dd>
        </div>
      ))}
    </dl>
  );
}
