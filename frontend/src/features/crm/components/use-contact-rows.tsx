import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { RecordPage, StoredRecord } from '@hamgam/shared';

export type ContactRowActions = { label: string; render: (record: StoredRecord) => ReactNode } | undefined;
import { useIsAdmin } from '../../../lib/session';
import { useCrmOutbox } from '../api/get-outbox';
import { withPendingLinks } from '../api/pending-links';
import { ContactLinkCell } from './contact-link-cell';

/**
 * What the records page adds to the CRM's contacts: links still in the outbox shown as made, and (admins) the
 * "link to a student" action on each row. Nothing for any other table.
 */
export function useContactRows(
  sourceId: string,
  tableId: string,
  page: RecordPage | undefined,
): { page: RecordPage | undefined; rowActions: ContactRowActions } {
  const { t } = useTranslation('sources', { keyPrefix: 'crm.link' });
  const isAdmin = useIsAdmin();
  const isContacts = sourceId === 'crm' && tableId === 'contacts';
  const outbox = useCrmOutbox(isContacts);
  if (!isContacts || !page) return { page, rowActions: undefined };
  const rowActions: ContactRowActions = isAdmin ? { label: t('column'), render: (record) => <ContactLinkCell contact={record} /> } : undefined;
  return { page: withPendingLinks(page, outbox.data), rowActions };
}
