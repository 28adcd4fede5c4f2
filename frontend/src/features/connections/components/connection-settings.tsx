import { useId, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ConnectionFieldInfo, ConnectionSettings as StoredConnection, Source } from '@hamgam/shared';
import { FieldError, describedBy } from '../../../components/ui/field-error';
import { FormFooter } from '../../../components/ui/form-footer';
import { useFormErrors } from '../../../lib/use-form-errors';
import { useSettingsDraft } from '../../../lib/use-settings-draft';
import { useUpdateConnection } from '../api/update-connection';
import {
  checkConnectionForm,
  isSecretStored,
  toConnectionFormValues,
  toConnectionUpdate,
  toTestedConnection,
  type ConnectionFormValues,
} from '../utils/connection-form';
import { SecretField } from './secret-field';
import { TestConnectionPanel } from './test-connection-panel';
import '../connections.css';

export type ConnectionSettingsProps = { source: Source & { connection: StoredConnection }; onDirtyChange?: (isDirty: boolean) => void };

/**
 * A source's connection for the settings dialog: the fields the source declares (address, plain fields and
 * write-only secrets), with "test connection" on what is typed, before anything is saved.
 */
export function ConnectionSettings({ source, onDirtyChange }: ConnectionSettingsProps) {
  const { t } = useTranslation('connections');
  const update = useUpdateConnection();
  const fields = source.settings.connection;
  const draft = useSettingsDraft<ConnectionFormValues>(() => toConnectionFormValues(fields, source.connection), onDirtyChange);
  const { initial, values: form, setValues: setForm, isDirty } = draft;
  // Server field errors this form shows next to a field; any other refusal is shown for the whole form.
  const { errors, setLocalErrors, formRef, hasFormLevelError, formLevelMessage } = useFormErrors(
    update,
    fields.map((field) => `connection.${field.name}`),
  );

  const setValue = (name: string, value: string) => setForm((current) => ({ ...current, values: { ...current.values, [name]: value } }));
  const setRemoved = (name: string, isRemoved: boolean) => setForm((current) => ({ ...current, removed: { ...current.removed, [name]: isRemoved } }));
  // Fields every source may have are worded in this feature; a source's own field in its locale file.
  const label = (name: string) => t([`form.${name}`, `sources:${source.id}.connection.${name}`, name]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found = checkConnectionForm(fields, form, initial, source.connection);
    setLocalErrors(
      Object.fromEntries(
        Object.entries(found).map(([path, codes]) => {
          const name = path.slice('connection.'.length);
          return [path, codes.map((code) => (code === 'secretAgain' ? t([`form.${name}Again`, 'form.secretAgain']) : t(`form.${code}`)))];
        }),
      ),
    );
    if (Object.keys(found).length > 0) return;
    const connection = toConnectionUpdate(fields, form, initial);
    if (Object.keys(connection).length === 0) return;
    update.mutate(
      { sourceId: source.id, connection },
      { onSuccess: (saved) => draft.reset(toConnectionFormValues(fields, saved.connection ?? source.connection)) },
    );
  };

  return (
    <form ref={formRef} className="form connection-form" onSubmit={submit} noValidate>
      {source.isStandIn && (
        <div className="notice notice--info" role="note">
          <p>{t('form.standIn')}</p>
        </div>
      )}
      {fields.map((field) =>
        field.kind === 'secret' ? (
          <SecretField
            key={field.name}
            name={field.name}
            label={label(field.name)}
            value={form.values[field.name] ?? ''}
            isStored={isSecretStored(source.connection, field.name)}
            canRemove={!field.isRequired}
            isRemoved={form.removed[field.name] === true}
            onChange={(value) => setValue(field.name, value)}
            onRemovedChange={(isRemoved) => setRemoved(field.name, isRemoved)}
            errors={errors[`connection.${field.name}`]}
          />
        ) : (
          <PlainField
            key={field.name}
            sourceId={source.id}
            field={field}
            label={label(field.name)}
            value={form.values[field.name] ?? ''}
            onChange={(value) => setValue(field.name, value)}
            errors={errors[`connection.${field.name}`]}
          />
        ),
      )}
      {source.canTestConnection && <TestConnectionPanel sourceId={source.id} connection={toTestedConnection(fields, form)} />}
      <FormFooter
        saveLabel={t('form.save')}
        isSaving={update.isPending}
        failure={hasFormLevelError ? t('form.saveFailed', { message: formLevelMessage }) : null}
        savedNote={update.isSuccess && !isDirty ? t('common:sourceSettings.saved') : null}
      />
    </form>
  );
}

type PlainFieldProps = {
  sourceId: string;
  field: ConnectionFieldInfo;
  label: string;
  value: string;
  onChange: (value: string) => void;
  errors: string[] | undefined;
};

/** An address or a plain text field, with the source's hint for it when its locale file has one. */
function PlainField({ sourceId, field, label, value, onChange, errors }: PlainFieldProps) {
  const { t, i18n } = useTranslation('connections');
  const ids = { input: useId(), hint: useId(), error: useId() };
  const hintKey = `sources:${sourceId}.connection.${field.name}Hint`;
  const isUrl = field.kind === 'url';
  const hint = isUrl ? (
    <>
      {t('form.baseUrlHint')} <bdi dir="ltr">https://lms.university.ac.ir</bdi>
    </>
  ) : i18n.exists(hintKey) ? (
    t(hintKey)
  ) : null;
  return (
    <div className="field">
      <label htmlFor={ids.input} className="form__label">
        {label}
      </label>
      <input
        id={ids.input}
        className="form__control"
        type={isUrl ? 'url' : 'text'}
        inputMode={isUrl ? 'url' : undefined}
        dir="ltr"
        autoComplete="off"
        spellCheck={false}
        value={value}
        onChange={(event) => onChange(event.target.value)}
        aria-invalid={errors ? true : undefined}
        aria-describedby={describedBy(hint ? ids.hint : null, ids.error, errors)}
      />
      {hint && (
        <p id={ids.hint} className="form__hint">
          {hint}
        </p>
      )}
      <FieldError id={ids.error} messages={errors} />
    </div>
  );
}
