import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ConnectionSettings as StoredConnection, Source } from '@hamgam/shared';
import { FieldError, describedBy } from '../../../components/ui/field-error';
import { FormFooter } from '../../../components/ui/form-footer';
import { useFormErrors } from '../../../lib/use-form-errors';
import { useUpdateConnection } from '../api/update-connection';
import { checkConnectionForm, toConnectionFormValues, toConnectionUpdate, toTestedConnection, type ConnectionFormValues } from '../utils/connection-form';
import { SecretField } from './secret-field';
import { TestConnectionPanel } from './test-connection-panel';
import '../connections.css';

// Server field errors this form shows next to a field; any other refusal is shown for the whole form.
const FORM_FIELDS = ['connection.baseUrl', 'connection.username', 'connection.password', 'connection.token'];

export type ConnectionSettingsProps = { source: Source & { connection: StoredConnection }; onSaved: () => void };

/**
 * A source's connection for the settings dialog: address, user name and write-only secrets, with "test
 * connection" on what is typed, before anything is saved.
 */
export function ConnectionSettings({ source, onSaved }: ConnectionSettingsProps) {
  const { t } = useTranslation('connections');
  const update = useUpdateConnection();
  const [initial] = useState(() => toConnectionFormValues(source.connection));
  const [values, setValues] = useState<ConnectionFormValues>(initial);
  const ids = { baseUrl: useId(), baseUrlHint: useId(), baseUrlError: useId(), username: useId(), usernameHint: useId(), usernameError: useId() };

  const { errors, setLocalErrors, formRef, hasFormLevelError } = useFormErrors(update, FORM_FIELDS);

  const change = (patch: Partial<ConnectionFormValues>) => setValues((current) => ({ ...current, ...patch }));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found = checkConnectionForm(values, initial, source.connection);
    setLocalErrors(Object.fromEntries(Object.entries(found).map(([field, codes]) => [field, codes.map((code) => t(`form.${code}`))])));
    if (Object.keys(found).length > 0) return;
    const connection = toConnectionUpdate(values, initial);
    if (Object.keys(connection).length === 0) {
      onSaved();
      return;
    }
    update.mutate({ sourceId: source.id, connection }, { onSuccess: onSaved });
  };

  const hasPassword = source.connection.hasPassword === true;
  const hasToken = source.connection.hasToken === true;
  const acceptsToken = source.settings.connection.some((field) => field.name === 'token');
  return (
    <form ref={formRef} className="form connection-form" onSubmit={submit} noValidate>
      {source.isStandIn && (
        <div className="notice notice--info" role="note">
          <p>{t('form.standIn')}</p>
        </div>
      )}
      <div className="field">
        <label htmlFor={ids.baseUrl} className="form__label">
          {t('form.baseUrl')}
        </label>
        <input
          id={ids.baseUrl}
          className="form__control"
          type="url"
          inputMode="url"
          dir="ltr"
          autoComplete="off"
          spellCheck={false}
          value={values.baseUrl}
          onChange={(event) => change({ baseUrl: event.target.value })}
          aria-invalid={errors['connection.baseUrl'] ? true : undefined}
          aria-describedby={describedBy(ids.baseUrlHint, ids.baseUrlError, errors['connection.baseUrl'])}
        />
        <p id={ids.baseUrlHint} className="form__hint">
          {t('form.baseUrlHint')} <bdi dir="ltr">https://lms.university.ac.ir</bdi>
        </p>
        <FieldError id={ids.baseUrlError} messages={errors['connection.baseUrl']} />
      </div>
      <div className="field">
        <label htmlFor={ids.username} className="form__label">
          {t('form.username')}
        </label>
        <input
          id={ids.username}
          className="form__control"
          dir="ltr"
          autoComplete="off"
          spellCheck={false}
          value={values.username}
          onChange={(event) => change({ username: event.target.value })}
          aria-invalid={errors['connection.username'] ? true : undefined}
          aria-describedby={describedBy(acceptsToken ? ids.usernameHint : null, ids.usernameError, errors['connection.username'])}
        />
        {acceptsToken && (
          <p id={ids.usernameHint} className="form__hint">
            {t('form.usernameWithToken')}
          </p>
        )}
        <FieldError id={ids.usernameError} messages={errors['connection.username']} />
      </div>
      <SecretField
        kind="password"
        value={values.password}
        isStored={hasPassword}
        isRemoved={values.removePassword}
        onChange={(password) => change({ password })}
        onRemovedChange={(removePassword) => change({ removePassword })}
        errors={errors['connection.password']}
      />
      {acceptsToken && (
        <SecretField
          kind="token"
          value={values.token}
          isStored={hasToken}
          isRemoved={values.removeToken}
          onChange={(token) => change({ token })}
          onRemovedChange={(removeToken) => change({ removeToken })}
          errors={errors['connection.token']}
        />
      )}
      {source.canTestConnection && <TestConnectionPanel sourceId={source.id} connection={toTestedConnection(values)} />}
      <FormFooter saveLabel={t('form.save')} isSaving={update.isPending} failure={hasFormLevelError ? t('form.saveFailed', { message: update.error?.message }) : null} />
    </form>
  );
}
