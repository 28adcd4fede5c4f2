import { useId, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { DeletionGuard, Source } from '@hamgam/shared';
import { FieldError, describedBy } from '../../../components/ui/field-error';
import { FormFooter } from '../../../components/ui/form-footer';
import type { FieldErrors } from '../../../lib/api-client';
import { patchSource, useSourceSave } from '../../../lib/source-save';
import { useFormErrors } from '../../../lib/use-form-errors';
import { useSettingsDraft } from '../../../lib/use-settings-draft';

export type DeletionGuardSettingsProps = { source: Source; onDirtyChange?: (isDirty: boolean) => void };

type GuardInputs = Record<keyof DeletionGuard, string>;

const FIELDS = ['maxPercent', 'maxCount'] as const;

const toInputs = (guard: DeletionGuard | null): GuardInputs => ({
  maxPercent: guard?.maxPercent === null || guard?.maxPercent === undefined ? '' : String(guard.maxPercent),
  maxCount: guard?.maxCount === null || guard?.maxCount === undefined ? '' : String(guard.maxCount),
});

/** An empty field turns its limit off (null); anything else must be a number (the server checks the range). */
function parse(input: string, isWhole: boolean): number | null | 'invalid' {
  const text = input.trim().replace(/[۰-۹]/g, (digit) => String(digit.charCodeAt(0) - 0x06f0));
  if (text === '') return null;
  const value = Number(text);
  if (!Number.isFinite(value) || (isWhole && !Number.isInteger(value))) return 'invalid';
  return value;
}

/** How many deletions a run may make before they wait for an admin's approval: a percent and a count, each optional. */
export function DeletionGuardSettings({ source, onDirtyChange }: DeletionGuardSettingsProps) {
  const { t } = useTranslation('sync');
  const draft = useSettingsDraft<GuardInputs>(() => toInputs(source.deletionGuard), onDirtyChange);
  const { values, setValues, isDirty } = draft;
  const save = useSourceSave((deletionGuard: DeletionGuard) => patchSource(source.id, { deletionGuard }));
  const { errors, setLocalErrors, formRef, hasFormLevelError, formLevelMessage } = useFormErrors(
    save,
    FIELDS.map((field) => `deletionGuard.${field}`),
  );

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const maxPercent = parse(values.maxPercent, false);
    const maxCount = parse(values.maxCount, true);
    const local: FieldErrors = {};
    if (maxPercent === 'invalid') local['deletionGuard.maxPercent'] = [t('common:fieldErrors.notANumber')];
    if (maxCount === 'invalid') local['deletionGuard.maxCount'] = [t('common:fieldErrors.wholeNumber')];
    setLocalErrors(local);
    if (maxPercent === 'invalid' || maxCount === 'invalid') return;
    save.mutate({ maxPercent, maxCount }, { onSuccess: (saved) => draft.reset(toInputs(saved.deletionGuard)) });
  };

  return (
    <form ref={formRef} className="form" onSubmit={submit} noValidate>
      <p className="form__hint">{t('deletionGuard.description')}</p>
      {FIELDS.map((field) => (
        <GuardField
          key={field}
          label={t(`deletionGuard.${field}`)}
          hint={t(`deletionGuard.${field}Hint`)}
          value={values[field]}
          onChange={(value) => setValues((current) => ({ ...current, [field]: value }))}
          errors={errors[`deletionGuard.${field}`]}
        />
      ))}
      <FormFooter
        saveLabel={t('deletionGuard.save')}
        isSaving={save.isPending}
        failure={hasFormLevelError ? t('deletionGuard.saveFailed', { message: formLevelMessage }) : null}
        savedNote={save.isSuccess && !isDirty ? t('common:sourceSettings.saved') : null}
      />
    </form>
  );
}

type GuardFieldProps = { label: string; hint: string; value: string; onChange: (value: string) => void; errors: string[] | undefined };

function GuardField({ label, hint, value, onChange, errors }: GuardFieldProps) {
  const ids = { input: useId(), hint: useId(), error: useId() };
  return (
    <div className="field">
      <label htmlFor={ids.input} className="form__label">
        {label}
      </label>
      <input
        id={ids.input}
        className="form__control field--narrow"
        inputMode="decimal"
        dir="ltr"
        value={value}
        onChange={(event) => onChange(event.target.value)}
        aria-invalid={errors ? true : undefined}
        aria-describedby={describedBy(ids.hint, ids.error, errors)}
      />
      <p id={ids.hint} className="form__hint">
        {hint}
      </p>
      <FieldError id={ids.error} messages={errors} />
    </div>
  );
}
