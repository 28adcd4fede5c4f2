import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { FieldError, describedBy } from '../../../components/ui/field-error';

export type SecretFieldProps = {
  kind: 'password' | 'token';
  value: string;
  /** Whether the server holds one; the secret itself never comes back. */
  isStored: boolean;
  isRemoved: boolean;
  onChange: (value: string) => void;
  onRemovedChange: (isRemoved: boolean) => void;
  errors: string[] | undefined;
};

/** A write-only secret: empty keeps the stored one, typing replaces it, the checkbox removes it. */
export function SecretField({ kind, value, isStored, isRemoved, onChange, onRemovedChange, errors }: SecretFieldProps) {
  const { t } = useTranslation('connections');
  const ids = { input: useId(), hint: useId(), error: useId(), remove: useId() };
  const hint = isStored ? t(`form.${kind}Stored`) : t(`form.${kind}NotStored`);

  return (
    <div className="field">
      <label htmlFor={ids.input} className="form__label">
        {t(`form.${kind}`)}
      </label>
      <input
        id={ids.input}
        className="form__control"
        type="password"
        dir="ltr"
        autoComplete="new-password"
        spellCheck={false}
        value={value}
        disabled={isRemoved}
        onChange={(event) => onChange(event.target.value)}
        aria-invalid={errors ? true : undefined}
        aria-describedby={describedBy(ids.hint, ids.error, errors)}
      />
      <p id={ids.hint} className="form__hint">
        {hint}
      </p>
      {isStored && (
        <label className="choice" htmlFor={ids.remove}>
          <input
            id={ids.remove}
            type="checkbox"
            checked={isRemoved}
            onChange={(event) => {
              onRemovedChange(event.target.checked);
              if (event.target.checked) onChange('');
            }}
          />
          {t(`form.${kind}Remove`)}
        </label>
      )}
      <FieldError id={ids.error} messages={errors} />
    </div>
  );
}
