import { Fragment, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import type { RunRejection } from '@hamgam/shared';
import { Pagination } from '../../../components/ui/pagination';
import { SearchField } from '../../../components/ui/search-field';
import { termLabel } from '../../../lib/terms';
import { REJECTIONS_PAGE_SIZE, runRejectionsExportUrl, useRunRejections } from '../api/get-run-rejections';
import { rejectionReasonText } from '../utils/rejection-reason';

export type RunRejectionsProps = { runId: string; sourceId: string; isRunActive: boolean };

// The list's search and page live in the run page's URL beside whatever else it holds.
const Q_PARAM = 'rejectionsQ';
const PAGE_PARAM = 'rejectionsPage';

function pageFrom(value: string | null): number {
  const page = Number(value);
  return Number.isInteger(page) && page >= 1 ? page : 1;
}

/** A run's rejected records, one row per record key with the terms it was rejected in and its reasons, translated. */
export function RunRejections({ runId, sourceId, isRunActive }: RunRejectionsProps) {
  const { t, i18n } = useTranslation('sync');
  const lng = i18n.language;
  const [searchParams, setSearchParams] = useSearchParams();
  const q = searchParams.get(Q_PARAM) ?? '';
  const page = pageFrom(searchParams.get(PAGE_PARAM));
  const [draft, setDraft] = useState(q);
  const rejections = useRunRejections(runId, { q: q || undefined, page, pageSize: REJECTIONS_PAGE_SIZE }, isRunActive);
  const data = rejections.data;

  const show = (next: { q: string; page: number }) =>
    setSearchParams(
      (current) => {
        const params = new URLSearchParams(current);
        if (next.q) params.set(Q_PARAM, next.q);
        else params.delete(Q_PARAM);
        if (next.page > 1) params.set(PAGE_PARAM, String(next.page));
        else params.delete(PAGE_PARAM);
        return params;
      },
      { replace: true },
    );
  const submit = (event: FormEvent) => {
    event.preventDefault();
    show({ q: draft.trim(), page: 1 });
  };
  const clear = () => {
    setDraft('');
    show({ q: '', page: 1 });
  };
  const hasAny = data !== undefined && (data.total > 0 || q !== '');
  const hasTerms = data?.items.some((item) => item.terms.length > 0) ?? false;

  return (
    <section className="card run-rejections" aria-labelledby="run-rejections-title" aria-busy={rejections.isFetching || undefined}>
      <div className="run-rejections__header">
        <h2 id="run-rejections-title" className="section-title">
          {t('runDetails.rejections')}
        </h2>
        {hasAny && (
          <a className="button button--secondary" href={runRejectionsExportUrl(runId, q, lng)} download>
            {t('runDetails.rejectionsExportCsv')}
          </a>
        )}
      </div>
      {rejections.isPending && <p className="muted">{t('common:status.loading')}</p>}
      {rejections.isError && <p className="form-error">{rejections.error.message}</p>}
      {data && !hasAny && <p className="muted">{t('runDetails.noRejections')}</p>}
      {hasAny && (
        <form className="run-rejections__search" role="search" onSubmit={submit}>
          <SearchField
            label={t('runDetails.rejectionsSearch')}
            value={draft}
            onChange={setDraft}
            submitLabel={t('runDetails.rejectionsSearchSubmit')}
            clearLabel={t('runDetails.rejectionsSearchClear')}
            onClear={q ? clear : undefined}
            hint={t('runDetails.rejectionsSearchHint')}
          />
        </form>
      )}
      {data && hasAny && (
        <>
          <p role="status">{data.total === 0 ? t('runDetails.rejectionsNoMatch', { q }) : t('runDetails.rejectionsCount', { count: data.total })}</p>
          {data.items.length > 0 && (
            <div className="table-scroll">
              <table className="table">
                <thead>
                  <tr>
                    <th scope="col">{t('runDetails.rejectionKey')}</th>
                    {hasTerms && <th scope="col">{t('runDetails.rejectionTerms')}</th>}
                    <th scope="col">{t('runDetails.rejectionReason')}</th>
                  </tr>
                </thead>
                <tbody>
                  {data.items.map((rejection) => (
                    <RejectionRow key={rejection.key} rejection={rejection} sourceId={sourceId} hasTerms={hasTerms} />
                  ))}
                </tbody>
              </table>
            </div>
          )}
          {data.total > data.pageSize && (
            <Pagination page={page} pageSize={data.pageSize} total={data.total} onPageChange={(next) => show({ q, page: next })} />
          )}
        </>
      )}
    </section>
  );
}

type RejectionRowProps = { rejection: RunRejection; sourceId: string; hasTerms: boolean };

function RejectionRow({ rejection, sourceId, hasTerms }: RejectionRowProps) {
  const { t, i18n } = useTranslation('sync');
  const lng = i18n.language;
  const reasons = rejection.reasons.map((reason) => rejectionReasonText(t, sourceId, reason, lng));
  const key = <code dir="ltr">{rejection.key}</code>;
  return (
    <tr>
      <td>
        {rejection.table ? (
          <Link
            to={`/sources/${encodeURIComponent(sourceId)}/records?${new URLSearchParams({ table: rejection.table, q: rejection.key }).toString()}`}
            title={t('runDetails.rejectionOpen', { key: rejection.key })}
          >
            {key}
          </Link>
        ) : (
          key
        )}
      </td>
      {hasTerms && (
        <td className="run-rejections__terms">
          {rejection.terms.length === 0
            ? '—'
            : rejection.terms.map((term, index) => (
                // A term never breaks inside ("نیمسال اول ۱۴۰۲"); the list breaks between terms.
                <Fragment key={term}>
                  {index > 0 && (lng === 'fa' ? '، ' : ', ')}
                  <span className="run-rejections__term">{termLabel(t, term, lng)}</span>
                </Fragment>
              ))}
        </td>
      )}
      <td>
        {reasons.length === 1 ? (
          reasons[0]
        ) : (
          <ul className="run-rejections__reasons">
            {reasons.map((reason) => (
              <li key={reason}>{reason}</li>
            ))}
          </ul>
        )}
      </td>
    </tr>
  );
}
