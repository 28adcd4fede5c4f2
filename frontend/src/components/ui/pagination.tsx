import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../lib/format';

export type PaginationProps = {
  page: number;
  pageSize: number;
  total: number;
  /** The total is a floor: counting stopped there. */
  isTotalCapped?: boolean;
  onPageChange: (page: number) => void;
};

export function Pagination({ page, pageSize, total, isTotalCapped = false, onPageChange }: PaginationProps) {
  const { t, i18n } = useTranslation('common');
  const lastPage = Math.max(1, Math.ceil(total / pageSize));
  const n = (value: number) => formatNumber(value, i18n.language);
  return (
    <nav className="pagination" aria-label={t('pagination.label')}>
      <button type="button" className="button button--secondary" disabled={page <= 1} onClick={() => onPageChange(page - 1)}>
        {t('pagination.previous')}
      </button>
      <span className="pagination__status">
        {isTotalCapped
          ? t('pagination.pageOfMany', { page: n(page), total: n(total) })
          : t('pagination.pageOf', { page: n(page), pages: n(lastPage), total: n(total) })}
      </span>
      <button type="button" className="button button--secondary" disabled={page >= lastPage} onClick={() => onPageChange(page + 1)}>
        {t('pagination.next')}
      </button>
    </nav>
  );
}
