import { useTranslation } from 'react-i18next';
import { useRunRejections } from '../api/get-run-rejections';

export type RunRejectionsProps = { runId: string; isRunActive: boolean };

export function RunRejections({ runId, isRunActive }: RunRejectionsProps) {
  const { t } = useTranslation('sync');
  const rejections = useRunRejections(runId, isRunActive);
  return (
    <section className="card" aria-labelledby="run-rejections-title">
      <h2 id="run-rejections-title" className="section-title">
        {t('runDetails.rejections')}
      </h2>
      {rejections.isPending && <p className="muted">{t('common:status.loading')}</p>}
      {rejections.isError && <p className="form-error">{rejections.error.message}</p>}
      {rejections.data?.length === 0 && <p className="muted">{t('runDetails.noRejections')}</p>}
      {rejections.data && rejections.data.length > 0 && (
        <>
          <p>{t('runDetails.rejectionsCount', { count: rejections.data.length })}</p>
          <div className="table-scroll">
            <table className="table">
              <thead>
                <tr>
                  <th scope="col">{t('runDetails.rejectionKey')}</th>
                  <th scope="col">{t('runDetails.rejectionReason')}</th>
                </tr>
              </thead>
              <tbody>
                {rejections.data.map((rejection, index) => (
                  <tr key={`${rejection.key}-${index}`}>
                    <td>
                      <code dir="ltr">{rejection.key}</code>
                    </td>
                    <td dir="auto">{rejection.reason}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </section>
  );
}
