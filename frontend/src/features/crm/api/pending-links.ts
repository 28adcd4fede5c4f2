import type { CrmOutboxItem, RecordPage } from '@hamgam/shared';

/** The newest pending link per contact id (`undefined`: none waits). */
export function pendingLinks(outbox: CrmOutboxItem[] | undefined): Map<string, string | null> {
  const links = new Map<string, string | null>();
  const pending = (outbox ?? []).filter((item) => item.status === 'pending' && item.table === 'contacts' && 'student_number' in item.data);
  for (const item of [...pending].sort((a, b) => a.createdAt.localeCompare(b.createdAt))) {
    const value = item.data.student_number;
    links.set(item.recordId, typeof value === 'string' ? value : null);
  }
  return links;
}

/** The contacts page with the links still waiting in the outbox shown as made (the next run pushes them). */
export function withPendingLinks(page: RecordPage, outbox: CrmOutboxItem[] | undefined): RecordPage {
  const links = pendingLinks(outbox);
  if (page.table !== 'contacts' || links.size === 0) return page;
  return {
    ...page,
    items: page.items.map((record) =>
      links.has(record.key) ? { ...record, fields: { ...record.fields, studentNumber: links.get(record.key) ?? null } } : record,
    ),
  };
}
