import { useId, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Source } from '@hamgam/shared';
import { FieldError, describedBy } from '../../../components/ui/field-error';
import { FormFooter } from '../../../components/ui/form-footer';
import type { FieldErrors } from '../../../lib/api-client';
import { localizeDigits } from '../../../lib/format';
import { useFormErrors } from '../../../lib/use-form-errors';
import { useSettingsDraft } from '../../../lib/use-settings-draft';
import { useUpdateStudentsOptions } from '../api/update-students-options';
import { parseCampusLines, parseYear, toStudentsOptionsFormValues, type StudentsOptionsFormValues } from '../utils/students-options-form';

// Server field errors this form shows next to a field; any other refusal is shown for the whole form.
const FORM_FIELDS = ['options.campuses', 'options.fromYear', 'options.toYear'];

export type StudentsOptionsSettingsProps = { source: Source; onDirtyChange?: (isDirty: boolean) => void };

/**
 * The students source's campus list and year range. The gateway cannot list its campuses (the old script kept
 * them in a local table), so a run reads exactly the campuses listed here.
 */
export function StudentsOptionsSettings({ source, onDirtyChange }: StudentsOptionsSettingsProps) {
  const { t, i18n } = useTranslation('sources', { keyPrefix: 'students' });
  const { t: tCommon } = useTranslation('common');
  const lng = i18n.language;
  const update = useUpdateStudentsOptions();
  const draft = useSettingsDraft<StudentsOptionsFormValues>(() => toStudentsOptionsFormValues(source.options, lng), onDirtyChange);
  const { values, setValues, isDirty } = draft;
  const ids = {
    campuses: useId(),
    campusesHint: useId(),
    campusesError: useId(),
    years: useId(),
    fromYear: useId(),
    toYear: useId(),
    yearsError: useId(),
  };

  const { errors, setLocalErrors, formRef, hasFormLevelError, formLevelMessage } = useFormErrors(update, FORM_FIELDS);
  const yearErrors = [...(errors['options.fromYear'] ?? []), ...(errors['options.toYear'] ?? [])];
  const parsed = parseCampusLines(values.campuses);

  const change = (patch: Partial<StudentsOptionsFormValues>) => setValues((current) => ({ ...current, ...patch }));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found: FieldErrors = {};
    if (parsed.problems.length > 0) {
      found['options.campuses'] = parsed.problems.map((problem) => t(`options.errors.${problem.code}`, { line: localizeDigits(String(problem.line), lng) }));
    } else if (parsed.campuses.length === 0) {
      found['options.campuses'] = [t('options.errors.empty')];
    }
    const [fromYear, toYear] = [parseYear(values.fromYear), parseYear(values.toYear)];
    if (Number.isNaN(fromYear)) found['options.fromYear'] = [t('options.errors.year')];
    if (Number.isNaN(toYear)) found['options.toYear'] = [t('options.errors.year')];
    setLocalErrors(found);
    if (Object.keys(found).length > 0) return;
    const options = { campuses: parsed.campuses, fromYear, toYear };
    update.mutate({ sourceId: source.id, options }, { onSuccess: (saved) => draft.reset(toStudentsOptionsFormValues(saved.options, lng)) });
  };

  return (
    <form ref={formRef} className="form students-options-form" onSubmit={submit} noValidate>
      <div className="field">
        <label htmlFor={ids.campuses} className="form__label">
          {t('options.campuses')}
        </label>
        <textarea
          id={ids.campuses}
          className="form__control"
          rows={10}
          spellCheck={false}
          value={values.campuses}
          onChange={(event) => change({ campuses: event.target.value })}
          aria-invalid={errors['options.campuses'] ? true : undefined}
          aria-describedby={describedBy(ids.campusesHint, ids.campusesError, errors['options.campuses'])}
        />
        <p id={ids.campusesHint} className="form__hint">
          {t('options.campusesHint')} {t('options.campusCount', { count: parsed.campuses.length })}
        </p>
        <FieldError id={ids.campusesError} messages={errors['options.campuses']} />
      </div>
      <fieldset className="fieldset" aria-describedby={describedBy(null, ids.yearsError, yearErrors.length ? yearErrors : undefined)}>
        <legend>{t('options.years')}</legend>
        <div className="inline-fields">
          {(['fromYear', 'toYear'] as const).map((field) => (
            <div key={field} className="field">
              <label htmlFor={ids[field]} className="form__label">
                {t(`options.${field}`)}
              </label>
              <input
                id={ids[field]}
                className="form__control field--narrow"
                inputMode="numeric"
                placeholder={t('options.yearDefault')}
                value={values[field]}
                onChange={(event) => change({ [field]: event.target.value })}
                aria-invalid={errors[`options.${field}`] ? true : undefined}
              />
            </div>
          ))}
        </div>
        <p className="form__hint">{t('options.yearsHint')}</p>
        <FieldError id={ids.yearsError} messages={yearErrors.length ? yearErrors : undefined} />
      </fieldset>
      <FormFooter
        saveLabel={t('options.save')}
        isSaving={update.isPending}
        failure={hasFormLevelError ? t('options.saveFailed', { message: formLevelMessage }) : null}
        savedNote={update.isSuccess && !isDirty ? tCommon('sourceSettings.saved') : null}
      />
    </form>
  );
}
