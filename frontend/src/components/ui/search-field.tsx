import { useId } from 'react';
import { Button, type ButtonVariant } from './button';

export type SearchFieldProps = {
  label: string;
  /** What is typed (the draft); the caller's form applies it on submit. */
  value: string;
  onChange: (value: string) => void;
  submitLabel: string;
  submitVariant?: ButtonVariant;
  /** Shown only with onClear, which the caller passes while its list is filtered. */
  clearLabel?: string;
  onClear?: () => void;
  hint?: string;
  placeholder?: string;
  maxLength?: number;
  className?: string;
};

/**
 * A list's search field: its label, a `type="search"` input with the submit button (and "clear" while filtered) beside
 * it, and a hint under it. It sits inside the caller's `<form role="search">`, which may hold other filters too.
 */
export function SearchField({
  label,
  value,
  onChange,
  submitLabel,
  submitVariant = 'primary',
  clearLabel,
  onClear,
  hint,
  placeholder,
  maxLength = 100,
  className,
}: SearchFieldProps) {
  const inputId = useId();
  const hintId = useId();
  return (
    <div className={`search-field${className ? ` ${className}` : ''}`}>
      <label htmlFor={inputId} className="form__label">
        {label}
      </label>
      <div className="search-field__row">
        <input
          id={inputId}
          className="form__control"
          type="search"
          value={value}
          maxLength={maxLength}
          placeholder={placeholder}
          aria-describedby={hint ? hintId : undefined}
          onChange={(event) => onChange(event.target.value)}
        />
        <Button type="submit" variant={submitVariant}>
          {submitLabel}
        </Button>
        {onClear && clearLabel && <Button onClick={onClear}>{clearLabel}</Button>}
      </div>
      {hint && (
        <p id={hintId} className="form__hint">
          {hint}
        </p>
      )}
    </div>
  );
}
