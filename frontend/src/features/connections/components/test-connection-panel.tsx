import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { ConnectionTestResult, ConnectionUpdate } from '@hamgam/shared';
import { Button } from '../../../components/ui/button';
import { isApiError } from '../../../lib/api-client';
import { formatDateTime, formatNumber } from '../../../lib/format';
import { useTestConnection } from '../api/test-connection';
import '../connections.css';

export type TestConnectionPanelProps = {
  sourceId: string;
  /**
   * The connection as a settings form holds it, before it is saved (token and password only when typed).
   * Left out, the stored settings are tested.
   */
  connection?: ConnectionUpdate;
};

/**
 * "Test connection": asks the source's upstream who it is (for Moodle core_webservice_get_site_info) and shows
 * the site name, release and which needed functions the credentials may call. Saves nothing.
 *
 * Shown on the source card for sources with `canTestConnection`. In the per-source settings dialog, render it
 * under the connection fields as `<TestConnectionPanel sourceId={source.id} connection={typed} />`, where `typed`
 * holds only what the admin entered (base URL, user name, and a token or password only when typed): the server
 * fills the rest from the stored settings, and uses stored secrets only for the stored base URL.
 */
export function TestConnectionPanel({ sourceId, connection }: TestConnectionPanelProps) {
  const { t, i18n } = useTranslation('connections');
  const titleId = useId();
  const test = useTestConnection();
  const requestError = test.error ? (isApiError(test.error) ? test.error.message : t('testConnection.requestFailed')) : null;

  return (
    <section className="connection-test" aria-labelledby={titleId}>
      <div className="connection-test__header">
        <h3 id={titleId} className="connection-test__title">
          {t('testConnection.title')}
        </h3>
        <Button isBusy={test.isPending} onClick={() => test.mutate({ sourceId, connection })}>
          {test.isPending ? t('testConnection.testing') : t('testConnection.button')}
        </Button>
      </div>
      <div aria-live="polite">
        {requestError && (
          <p className="form-error" role="alert">
            {requestError}
          </p>
        )}
        {test.data && !test.isPending && <TestResult result={test.data} lng={i18n.language} />}
      </div>
    </section>
  );
}

function TestResult({ result, lng }: { result: ConnectionTestResult; lng: string }) {
  const { t } = useTranslation('connections');
  const allowed = result.checks.filter((check) => check.isAllowed).length;
  return (
    <div className="connection-test__result">
      <p className={`connection-test__summary connection-test__summary--${result.isOk ? 'ok' : 'failed'}`}>
        {result.isOk ? t('testConnection.ok') : t('testConnection.failed', { kind: t(`sync:errorKinds.${result.errorKind ?? 'internal'}`) })}
      </p>
      {result.message && (
        <p className="connection-test__message" dir="ltr">
          {result.message}
        </p>
      )}
      {result.system && (
        <dl className="facts facts--settings">
          <div>
            <dt>{t('testConnection.siteName')}</dt>
            <dd dir="auto">{result.system.name}</dd>
          </div>
          {result.system.version && (
            <div>
              <dt>{t('testConnection.release')}</dt>
              <dd dir="ltr">{result.system.version}</dd>
            </div>
          )}
          {result.system.user && (
            <div>
              <dt>{t('testConnection.user')}</dt>
              <dd dir="ltr">{result.system.user}</dd>
            </div>
          )}
        </dl>
      )}
      {result.checks.length > 0 && (
        <>
          <p className="connection-test__meta">
            {t('testConnection.functionsAllowed', { allowed: formatNumber(allowed, lng), total: formatNumber(result.checks.length, lng) })}
          </p>
          <ul className="connection-test__checks" aria-label={t('testConnection.functions')}>
            {result.checks.map((check) => (
              <li key={check.name} className="connection-test__check">
                <span className={`connection-test__mark connection-test__mark--${check.isAllowed ? 'allowed' : 'denied'}`} aria-hidden="true">
                  {check.isAllowed ? '✓' : '✗'}
                </span>
                <code>{check.name}</code>
                <span className="visually-hidden">{check.isAllowed ? t('testConnection.allowed') : t('testConnection.denied')}</span>
              </li>
            ))}
          </ul>
        </>
      )}
      <p className="connection-test__meta">
        {t('testConnection.testedAt', { time: formatDateTime(result.testedAt, lng, { seconds: true }), duration: formatNumber(result.durationMs, lng) })}
      </p>
    </div>
  );
}
