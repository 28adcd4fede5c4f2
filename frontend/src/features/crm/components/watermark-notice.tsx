import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { Source } from '@hamgam/shared';
import { formatDateTime } from '../../../lib/format';
import { useIsAdmin } from '../../../lib/session';
import { useCrmWatermark } from '../api/get-watermark';
import { useResetCrmWatermark } from '../api/reset-watermark';

export type WatermarkNoticeProps = { source: Source };

/** Where the CRM's change feed was read up to (in the reader's calendar), and an admin's "read everything again". */
export function WatermarkNotice({ source }: WatermarkNoticeProps) {
  const { t, i18n } = useTranslation('sources', { keyPrefix: 'crm.card' });
  const isAdmin = useIsAdmin();
  const watermark = useCrmWatermark(source.lastRun?.id ?? null);
  const reset = useResetCrmWatermark();
  if (!watermark.data) return null;
  const at = watermark.data.serverUpdatedAt;
  return (
    <div className="notice" role="status">
      <p>{at ? t('watermark', { time: formatDateTime(at, i18n.language) }) : t('noWatermark')}</p>
      {isAdmin && at && (
        <button type="button" className="button button--ghost" disabled={reset.isPending} onClick={() => reset.mutate()}>
          {t('reset')}
        </button>
      )}
      <Link to="/crm" className="button button--ghost">
        {t('pushPage')}
      </Link>
      {reset.isError && (
        <p className="form-error" role="alert" dir="auto">
          {t('resetFailed', { message: reset.error.message })}
        </p>
      )}
    </div>
  );
}
