import { useTranslation } from 'react-i18next';

export type AuditDetailsProps = { details: Record<string, unknown> | null };

function show(value: unknown): string {
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/** A settings or user change as "field: before → after" lines; other details as key: value. */
export function AuditDetails({ details }: AuditDetailsProps) {
  const { t } = useTranslation('audit');
  if (!details) return null;
  const changes = details.changes as Record<string, { before: unknown; after: unknown } | 'changed'> | undefined;
  const rest = Object.entries(details).filter(([key, value]) => key !== 'changes' && value !== null && value !== undefined);
  return (
    <ul className="audit-details" dir="ltr">
      {changes &&
        Object.entries(changes).map(([field, change]) => (
          <li key={field}>
            <code>{field}</code>: {change === 'changed' ? t('secretChanged') : `${show(change.before)} → ${show(change.after)}`}
          </li>
        ))}
      {rest.map(([key, value]) => (
        <li key={key}>
          <code>{key}</code>: <span dir="auto">{show(value)}</span>
        </li>
      ))}
    </ul>
  );
}
