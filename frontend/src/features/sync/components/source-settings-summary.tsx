import { useTranslation } from 'react-i18next';
import type { Source } from '@hamgam/shared';

export type SourceSettingsSummaryProps = { source: Source };

/** Where the source reads from, read-only: the upstream address of a connector, the command line of a script. */
export function SourceSettingsSummary({ source }: SourceSettingsSummaryProps) {
  const { t } = useTranslation('sync');
  if (!source.connection && !source.command) return null;
  return (
    <dl className="facts facts--settings">
      {source.connection && (
        <div>
          <dt>{t('sourceCard.endpoint')}</dt>
          <dd>
            <code dir="ltr">{source.connection.baseUrl}</code>
          </dd>
        </div>
      )}
      {source.command && (
        <>
          <div>
            <dt>{t('sourceCard.command')}</dt>
            <dd>
              <code dir="ltr">{[source.command.executable, ...source.command.args].join(' ')}</code>
            </dd>
          </div>
          {source.command.cwd && (
            <div>
              <dt>{t('sourceCard.workingDirectory')}</dt>
              <dd>
                <code dir="ltr">{source.command.cwd}</code>
              </dd>
            </div>
          )}
        </>
      )}
    </dl>
  );
}
