import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { FieldError, describedBy } from '../../../components/ui/field-error';

export type SecretFieldProps = {
  name: string;
  label: string;
  value: string;
  /** Whether the server holds one; the secret itself never comes back. */
  isStored: boolean;
  /** A required secret can be replaced, not removed. */
  canRemove: boolean;
  isRemoved: boolean;
  onChange: (value: string) => void;
  onRemovedChange: (isRemoved: boolean) => void;
  errors: string[] | undefined;
};

/** A write-only secret: empty keeps the stored one, typing replaces it, the checkbox removes it. */
export function SecretField({ name, label, value, isStored, canRemove, isRemoved, onChange, onRemovedChange, errors }: SecretFieldProps) {
  const { t } = useTranslation('connections');
  const ids = { input: useId(), hint: useId(), error: useId(), remove: useId() };
  // The password and the token have their own sentences; any other secret a source declares gets the general ones.
  const text = (suffix: 'Stored' | 'NotStored' | 'Remove') => t([`form.${name}${suffix}`, `form.secret${suffix}`]);

  return (
    <div className="field">
      <label htmlFor={ids.input} className="form__label">
        {label}
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
        {isStored ? text('Stored') : text('NotStored')}
      </p>
      {isStored && canRemove && (
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
          {text('Remove')}
        </label>
      )}
      <FieldError id={ids.error} messages={errors} />
    </div>
  );
}
