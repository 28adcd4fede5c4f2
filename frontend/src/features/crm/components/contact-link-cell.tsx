import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { StoredRecord } from '@hamgam/shared';
import { Button } from '../../../components/ui/button';
import { isApiError } from '../../../lib/api-client';
import { useLinkCrmContact } from '../api/link-contact';
import { isolate } from '../utils/labels';
import { LinkContactDialog } from './link-contact-dialog';

/** The refusal in the reader's language: which field the server named, a 409, or the network. */
function linkErrorKey(error: unknown): string {
  if (!isApiError(error)) return 'errors.network';
  if (error.status === 400 && error.body?.fields?.studentNumber) return 'errors.studentNumber';
  if (error.status === 400 && error.body?.fields?.contactId) return 'errors.contactId';
  if (error.status === 409) return 'errors.conflict';
  if (error.status >= 500) return 'errors.server';
  return 'errors.refused';
}

export type ContactLinkCellProps = { contact: StoredRecord };

/** "Link to a student" on a CRM contact's row (admins): the row shows the link at once, a refusal puts it back. */
export function ContactLinkCell({ contact }: ContactLinkCellProps) {
  const { t, i18n } = useTranslation('sources', { keyPrefix: 'crm.link' });
  const [open, setOpen] = useState(false);
  const link = useLinkCrmContact();
  if (contact.deletedAt) return null;

  return (
    <div className="crm-link-cell">
      <Button variant="ghost" onClick={() => setOpen(true)} aria-label={t('open', { name: isolate(contact.name, i18n.language) })}>
        {t('openShort')}
      </Button>
      {link.isError && (
        <p className="form-error" role="alert">
          {t(linkErrorKey(link.error))}
        </p>
      )}
      {open && (
        <LinkContactDialog
          contact={contact}
          onClose={() => setOpen(false)}
          onLink={(studentNumber) => {
            setOpen(false);
            link.mutate({ contactId: contact.key, studentNumber });
          }}
        />
      )}
    </div>
  );
}
