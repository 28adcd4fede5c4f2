import { useId, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Source } from '@hamgam/shared';
import { FieldError, describedBy } from '../../../components/ui/field-error';
import { FormFooter } from '../../../components/ui/form-footer';
import { problemText } from '../../../lib/field-problems';
import { useFormErrors } from '../../../lib/use-form-errors';
import { useSettingsDraft } from '../../../lib/use-settings-draft';
import { useScheduleConfig } from '../api/get-schedule-config';
import { useUpdateSourceSchedule } from '../api/update-source-schedule';
import { checkForm, toFormValues, toUpdateRequest, type ScheduleFormValues } from '../utils/schedule-form';
import { FreshnessField } from './freshness-field';
import { AutoSyncToggle } from './auto-sync-toggle';
import { QuietWindowFields } from './quiet-window-fields';
import { TimingFields } from './timing-fields';
import '../schedules.css';

// Server field errors this form shows next to a field; any other refusal is shown for the whole form.
const FORM_FIELDS = [
  'autoSync.every',
  'autoSync.unit',
  'autoSync.cron',
  'autoSync.mode',
  'autoSync.quietWindow',
  'autoSync.quietWindow.start',
  'autoSync.quietWindow.end',
  'autoSync.quietWindow.days',
  'autoSync.skipClosures',
  'autoSync.inTerm.every',
  'autoSync.inTerm.unit',
  'timeoutSeconds',
  'freshness.maxAgeSeconds',
];

export type ScheduleSettingsProps = { source: Source; onDirtyChange?: (isDirty: boolean) => void };

/**
 * A source's schedule settings, for the settings dialog: the auto-sync switch, its schedule, quiet window, mode,
 * time limit and how long its data stays fresh, all saved together by the form's Save (the dialog stays open).
 */
export function ScheduleSettings({ source, onDirtyChange }: ScheduleSettingsProps) {
  const { t, i18n } = useTranslation('schedules');
  const config = useScheduleConfig();
  const update = useUpdateSourceSchedule();
  const { initial, values, setValues, isDirty, reset } = useSettingsDraft(() => toFormValues(source, i18n.language), onDirtyChange);
  const ids = { mode: useId(), modeError: useId(), timeout: useId(), timeoutHint: useId(), timeoutError: useId() };

  const { errors, setLocalErrors, formRef, hasFormLevelError, formLevelMessage } = useFormErrors(update, FORM_FIELDS);

  const change = (patch: Partial<ScheduleFormValues>) => setValues((current) => ({ ...current, ...patch }));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found = checkForm(values, config.data?.minIntervalSeconds);
    setLocalErrors(Object.fromEntries(Object.entries(found).map(([field, problems]) => [field, problems.map((problem) => problemText(t, problem))])));
    if (Object.keys(found).length > 0) return;
    update.mutate({ sourceId: source.id, ...toUpdateRequest(values, initial, source) }, { onSuccess: (saved) => reset(toFormValues(saved, i18n.language)) });
  };

  return (
    <>
      {config.data && !config.data.isAllowed && (
        <div className="notice notice--warning" role="status">
          <p>{t('dialog.killSwitch')}</p>
        </div>
      )}
      <form ref={formRef} className="form schedule-form" onSubmit={submit} noValidate>
        <AutoSyncToggle isEnabled={values.enabled} onChange={(enabled) => change({ enabled })} />
        <TimingFields values={values} onChange={change} errors={errors} config={config.data} />
        {source.modes.length > 0 && (
          <div className="field">
            <label htmlFor={ids.mode} className="form__label">
              {t('dialog.mode')}
            </label>
            <select
              id={ids.mode}
              className="form__control"
              value={values.mode}
              onChange={(event) => change({ mode: event.target.value as ScheduleFormValues['mode'] })}
              aria-invalid={errors['autoSync.mode'] ? true : undefined}
              aria-describedby={describedBy(null, ids.modeError, errors['autoSync.mode'])}
            >
              <option value="">{t('modes.default')}</option>
              {source.modes.map((mode) => (
                <option key={mode} value={mode}>
                  {t(`modes.${mode}`, { defaultValue: mode })}
                </option>
              ))}
            </select>
            <FieldError id={ids.modeError} messages={errors['autoSync.mode']} />
          </div>
        )}
        <QuietWindowFields values={values} onChange={change} errors={errors} timeZone={config.data?.timeZone ?? 'Asia/Tehran'} />
        <div className="field">
          <label htmlFor={ids.timeout} className="form__label">
            {t('dialog.timeout')}
          </label>
          <input
            id={ids.timeout}
            className="form__control field--narrow"
            inputMode="numeric"
            value={values.timeoutMinutes}
            onChange={(event) => change({ timeoutMinutes: event.target.value })}
            aria-invalid={errors.timeoutSeconds ? true : undefined}
            aria-describedby={describedBy(ids.timeoutHint, ids.timeoutError, errors.timeoutSeconds)}
          />
          <p id={ids.timeoutHint} className="form__hint">
            {t('dialog.timeoutHint')}
          </p>
          <FieldError id={ids.timeoutError} messages={errors.timeoutSeconds} />
        </div>
        <FreshnessField value={values.freshHours} onChange={(freshHours) => change({ freshHours })} errors={errors['freshness.maxAgeSeconds']} />
        <FormFooter
          saveLabel={t('dialog.save')}
          isSaving={update.isPending}
          failure={hasFormLevelError ? t('dialog.saveFailed', { message: formLevelMessage }) : null}
          savedNote={update.isSuccess && !isDirty ? t('dialog.saved') : null}
        />
      </form>
    </>
  );
}
