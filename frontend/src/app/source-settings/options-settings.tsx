import { useId, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { OptionInfo, Source } from '@hamgam/shared';
import { FieldError, describedBy } from '../../components/ui/field-error';
import { FormFooter } from '../../components/ui/form-footer';
import type { FieldErrors } from '../../lib/api-client';
import { patchSource, useSourceSave } from '../../lib/source-save';
import { useFormErrors } from '../../lib/use-form-errors';
import { useSettingsDraft } from '../../lib/use-settings-draft';
import { changedOptions, editableOptions, toOptionInputs, type OptionInputs } from './options-form';

export type OptionsSettingsProps = { source: Source; onDirtyChange?: (isDirty: boolean) => void };

/** The options a source declares and edits with no tab of its own: a field per option, with its limits. */
export function OptionsSettings({ source, onDirtyChange }: OptionsSettingsProps) {
  const { t } = useTranslation('common');
  const options = editableOptions(source.settings);
  const draft = useSettingsDraft<OptionInputs>(() => toOptionInputs(options, source.options), onDirtyChange);
  const { initial, values: inputs, setValues: setInputs, isDirty } = draft;
  const save = useSourceSave((sent: Record<string, unknown>) => patchSource(source.id, { options: sent }));
  const { errors, setLocalErrors, formRef, hasFormLevelError, formLevelMessage } = useFormErrors(
    save,
    options.map(([key]) => `options.${key}`),
  );

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const { sent, problems } = changedOptions(options, inputs, initial);
    setLocalErrors(Object.fromEntries(Object.entries(problems).map(([key, code]) => [`options.${key}`, [t(`sourceSettings.${code}`)]])) as FieldErrors);
    if (Object.keys(problems).length > 0) return;
    if (Object.keys(sent).length === 0) return;
    save.mutate(sent, { onSuccess: (saved) => draft.reset(toOptionInputs(options, saved.options)) });
  };

  return (
    <form ref={formRef} className="form" onSubmit={submit} noValidate>
      {options.map(([key, info]) => (
        <OptionField
          key={key}
          info={info}
          label={t([`sources:${source.id}.${info.labelKey ?? `options.${key}`}`, key])}
          choiceLabel={(choice) => t([`sources:${source.id}.choices.${key}.${choice}`, choice])}
          value={inputs[key]}
          onChange={(value) => setInputs((current) => ({ ...current, [key]: value }))}
          errors={errors[`options.${key}`]}
        />
      ))}
      <FormFooter
        saveLabel={t('sourceSettings.saveOptions')}
        isSaving={save.isPending}
        failure={hasFormLevelError ? t('sourceSettings.saveOptionsFailed', { message: formLevelMessage }) : null}
        savedNote={save.isSuccess && !isDirty ? t('sourceSettings.saved') : null}
      />
    </form>
  );
}

type OptionFieldProps = {
  info: OptionInfo;
  label: string;
  /** A choice's words from the source's locale file (`choices.<option>.<value>`), else the value itself. */
  choiceLabel: (choice: string) => string;
  value: string | boolean;
  onChange: (value: string | boolean) => void;
  errors: string[] | undefined;
};

function OptionField({ info, label, choiceLabel, value, onChange, errors }: OptionFieldProps) {
  const { t } = useTranslation('common');
  const ids = { input: useId(), hint: useId(), error: useId() };
  const isNumber = info.type === 'integer' || info.type === 'number';
  const hasRange = isNumber && info.minimum !== undefined && info.maximum !== undefined;
  const common = { id: ids.input, 'aria-invalid': errors ? true : undefined, 'aria-describedby': describedBy(hasRange ? ids.hint : null, ids.error, errors) };

  if (info.type === 'boolean') {
    return (
      <div className="field">
        <label className="choice" htmlFor={ids.input}>
          <input {...common} type="checkbox" checked={value === true} onChange={(event) => onChange(event.target.checked)} />
          {label}
        </label>
        <FieldError id={ids.error} messages={errors} />
      </div>
    );
  }
  return (
    <div className="field">
      <label htmlFor={ids.input} className="form__label">
        {label}
      </label>
      {info.enum ? (
        <select {...common} className="form__control" value={String(value)} onChange={(event) => onChange(event.target.value)}>
          {info.enum.map((choice) => (
            <option key={String(choice)} value={String(choice)}>
              {choiceLabel(String(choice))}
            </option>
          ))}
        </select>
      ) : (
        <input
          {...common}
          className="form__control"
          type={isNumber ? 'number' : 'text'}
          inputMode={info.type === 'integer' ? 'numeric' : undefined}
          dir="ltr"
          min={isNumber ? info.minimum : undefined}
          max={isNumber ? info.maximum : undefined}
          step={info.type === 'integer' ? 1 : undefined}
          maxLength={info.maxLength}
          spellCheck={false}
          value={String(value)}
          onChange={(event) => onChange(event.target.value)}
        />
      )}
      {hasRange && (
        <p id={ids.hint} className="form__hint">
          {t('sourceSettings.optionRange', { min: info.minimum, max: info.maximum })}
        </p>
      )}
      <FieldError id={ids.error} messages={errors} />
    </div>
  );
}
