import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { StoredRecord } from '@hamgam/shared';
import { Button } from '../../../components/ui/button';
import { Dialog } from '../../../components/ui/dialog';
import { SearchField } from '../../../components/ui/search-field';
import { localizeDigits } from '../../../lib/format';
import { useCrmSuggestions } from '../api/get-suggestions';
import '../crm.css';
import { useStudentSearch } from '../api/search-students';
import { isolate } from '../utils/labels';

export type LinkContactDialogProps = {
  contact: StoredRecord;
  onLink: (studentNumber: string | null) => void;
  onClose: () => void;
};

type Candidate = { studentNumber: string; name: string; nationalCode: string | null; matchedBy?: string[] };

/** Picks the student a CRM contact is: the server's suggestions first, then a search by number, name or national code. */
export function LinkContactDialog({ contact, onLink, onClose }: LinkContactDialogProps) {
  const { t, i18n } = useTranslation('sources', { keyPrefix: 'crm.link' });
  const lng = i18n.language;
  const [draft, setDraft] = useState('');
  const [q, setQ] = useState('');
  const suggestions = useCrmSuggestions(contact.key);
  const search = useStudentSearch(q);
  const linked = contact.fields.studentNumber ?? null;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setQ(draft.trim());
  };

  const suggested: Candidate[] = suggestions.data ?? [];
  const found: Candidate[] = (search.data?.items ?? []).map((record) => ({
    studentNumber: record.key,
    name: record.name,
    nationalCode: record.fields.nationalCode ?? null,
  }));

  const list = (title: string, candidates: Candidate[]) => (
    <section className="crm-link__group" aria-label={title}>
      <h3 className="crm-link__heading">{title}</h3>
      <ul className="crm-link__list">
        {candidates.map((candidate) => (
          <li key={candidate.studentNumber} className="crm-link__item">
            <span className="crm-link__who">
              <bdi>{candidate.name}</bdi>
              <span className="muted">
                {localizeDigits(candidate.studentNumber, lng)}
                {candidate.nationalCode && ` · ${t('nationalCode', { code: localizeDigits(candidate.nationalCode, lng) })}`}
                {candidate.matchedBy && candidate.matchedBy.length > 0 && ` · ${candidate.matchedBy.map((by) => t(`matchedBy.${by}`)).join('، ')}`}
              </span>
            </span>
            <Button
              variant="primary"
              disabled={candidate.studentNumber === linked}
              aria-label={t('linkTo', { name: isolate(candidate.name, lng) })}
              onClick={() => onLink(candidate.studentNumber)}
            >
              {t('link')}
            </Button>
          </li>
        ))}
      </ul>
    </section>
  );

  return (
    <Dialog
      title={t('title', { name: isolate(contact.name, lng) })}
      description={linked ? t('linkedTo', { number: localizeDigits(linked, lng) }) : t('notLinked')}
      onClose={onClose}
      actions={
        <>
          {linked && (
            <Button variant="danger" onClick={() => onLink(null)}>
              {t('unlink')}
            </Button>
          )}
          <Button onClick={onClose}>{t('close')}</Button>
        </>
      }
    >
      {suggestions.isPending && <p className="muted">{t('loadingSuggestions')}</p>}
      {suggested.length > 0 && list(t('suggestions'), suggested)}
      {suggestions.isSuccess && suggested.length === 0 && <p className="muted">{t('noSuggestions')}</p>}
      <form className="form crm-link__search" role="search" onSubmit={submit}>
        <SearchField
          label={t('search')}
          value={draft}
          onChange={setDraft}
          placeholder={t('searchPlaceholder')}
          submitLabel={t('searchSubmit')}
          submitVariant="secondary"
        />
      </form>
      {search.isFetching && <p className="muted">{t('searching')}</p>}
      {search.isSuccess && found.length === 0 && <p className="muted">{t('noMatch')}</p>}
      {found.length > 0 && list(t('results'), found)}
    </Dialog>
  );
}
