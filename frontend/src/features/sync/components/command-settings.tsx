import { useTranslation } from 'react-i18next';
import type { CommandSettings as CommandSettingsValue } from '@hamgam/shared';

export type CommandSettingsProps = { command: CommandSettingsValue };

/**
 * What a command source runs, read-only: the server's configuration decides it (an admin session must not be
 * a shell on the host), so the panel only shows it.
 */
export function CommandSettings({ command }: CommandSettingsProps) {
  const { t } = useTranslation('sync');
  return (
    <section aria-labelledby="command-settings-note">
      <p id="command-settings-note" className="form__hint">
        {t('commandSettings.note')}
      </p>
      <dl className="facts facts--settings">
        <div>
          <dt>{t('commandSettings.executable')}</dt>
          <dd>
            <code dir="ltr">{command.executable}</code>
          </dd>
        </div>
        <div>
          <dt>{t('commandSettings.arguments')}</dt>
          <dd>{command.args.length > 0 ? <code dir="ltr">{command.args.join(' ')}</code> : t('commandSettings.none')}</dd>
        </div>
        <div>
          <dt>{t('commandSettings.workingDirectory')}</dt>
          <dd>
            <code dir="ltr">{command.cwd}</code>
          </dd>
        </div>
        <div>
          <dt>{t('commandSettings.countPattern')}</dt>
          <dd>
            <code dir="ltr">{command.countPattern}</code>
          </dd>
        </div>
        <div>
          <dt>{t('commandSettings.variables')}</dt>
          <dd>{command.envNames.length > 0 ? <code dir="ltr">{command.envNames.join(', ')}</code> : t('commandSettings.none')}</dd>
        </div>
      </dl>
    </section>
  );
}
