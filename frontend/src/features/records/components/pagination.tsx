import { useTranslation } from 'react-i18next';
import { Button } from '../../../components/ui/button';
import { formatNumber } from '../../../lib/format';

export type PaginationProps = { page: number; pages: number; onChange: (page: number) => void };

export function Pagination({ page, pages, onChange }: PaginationProps) {
  const { t, i18n } = useTranslation('records');
  const lng = i18n.language;
  if (pages <= 1) return null;
  return (
    <nav className="pagination" aria-label={t('pagination.label')}>
      <Button onClick={() => onChange(page - 1)} disabled={page <= 1}>
        {t('pagination.previous')}
      </Button>
      <span aria-current="page">{t('pagination.page', { page: formatNumber(page, lng), pages: formatNumber(pages, lng) })}</span>
      <Button onClick={() => onChange(page + 1)} disabled={page >= pages}>
        {t('pagination.next')}
      </Button>
    </nav>
  );
}
