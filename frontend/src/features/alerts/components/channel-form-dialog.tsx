import { useId, useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { CHANNEL_KINDS, NOTIFICATION_EVENTS, type ChannelKind, type NotificationChannel, type NotificationEvent } from '@hamgam/shared';
import { Button } from '../../../components/ui/button';
import { Dialog } from '../../../components/ui/dialog';
import { serverFieldErrors } from '../../../lib/api-client';
import { useCreateChannel, useUpdateChannel } from '../api/save-channel';
import { hasStoredSecret, secretField, toFormValues, toRequest, toUpdate, type ChannelFormValues } from '../utils/channel-form';

export type ChannelFormDialogProps = { channel: NotificationChannel | null; onClose: () => void };

type FieldProps = { label: string; error?: string; hint?: string; children: (ids: { id: string; describedBy?: string; isInvalid?: true }) => ReactNode };

/** A label, its control, a hint and the server's error for it, tied together for assistive technology. */
function Field({ label, error, hint, children }: FieldProps) {
  const id = useId();
  const describedBy = [hint && `${id}-hint`, error && `${id}-error`].filter(Boolean).join(' ') || undefined;
  return (
    <div className="alerts-form__field">
      <label htmlFor={id} className="form__label">
        {label}
      </label>
      {children({ id, describedBy, isInvalid: error ? true : undefined })}
      {hint && (
        <p id={`${id}-hint`} className="form__hint">
          {hint}
        </p>
      )}
      {error && (
        <p id={`${id}-error`} className="form-error">
          {error}
        </p>
      )}
    </div>
  );
}

/** Adds a channel (`channel` null) or edits one; secrets are write-only, an empty secret field keeps the stored one. */
export function ChannelFormDialog({ channel, onClose }: ChannelFormDialogProps) {
  const { t } = useTranslation('alerts');
  const create = useCreateChannel();
  const update = useUpdateChannel();
  const mutation = channel ? update : create;
  const [values, setValues] = useState<ChannelFormValues>(() => toFormValues(channel));
  const formId = useId();
  const eventsId = useId();
  const set = <K extends keyof ChannelFormValues>(key: K, value: ChannelFormValues[K]) => setValues((old) => ({ ...old, [key]: value }));
  const fieldErrors = serverFieldErrors(mutation.error);
  const errorOf = (path: string) =>
    Object.entries(fieldErrors)
      .filter(([field]) => field === path || field.startsWith(`${path}.`))
      .flatMap(([, messages]) => messages)
      .join(' ') || undefined;
  const shownPaths = ['name', 'events', 'failuresBeforeAlert', 'remindAfterMinutes', 'longRunMinutes', 'settings.', 'kind'];
  const hasOtherError = mutation.isError && !Object.keys(fieldErrors).some((field) => shownPaths.some((path) => field.startsWith(path)));
  const isStored = hasStoredSecret(channel) && channel?.kind === values.kind;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (channel) update.mutate({ id: channel.id, ...toUpdate(values) }, { onSuccess: onClose });
    else create.mutate(toRequest(values), { onSuccess: onClose });
  };
  const toggleEvent = (name: NotificationEvent, isOn: boolean) =>
    set(
      'events',
      NOTIFICATION_EVENTS.filter((event) => (event === name ? isOn : values.events.includes(event))),
    );
  const text = (key: keyof ChannelFormValues, label: string, options: { dir?: 'ltr' | 'auto'; type?: string; path?: string; hint?: string } = {}) => (
    <Field label={label} error={errorOf(options.path ?? `settings.${key}`)} hint={options.hint}>
      {({ id, describedBy, isInvalid }) => (
        <input
          id={id}
          className="form__control"
          type={options.type ?? 'text'}
          dir={options.dir ?? 'ltr'}
          autoComplete="off"
          aria-describedby={describedBy}
          aria-invalid={isInvalid}
          value={String(values[key])}
          onChange={(event) => set(key, event.target.value as never)}
        />
      )}
    </Field>
  );
  const secretLabel = { webhook: t('form.secret'), email: t('form.password'), sms: t('form.apiKey') }[values.kind];

  return (
    <Dialog
      title={channel ? t('form.editTitle', { name: channel.name }) : t('form.createTitle')}
      onClose={onClose}
      actions={
        <>
          <Button type="submit" form={formId} variant="primary" isBusy={mutation.isPending}>
            {t('form.save')}
          </Button>
          <Button onClick={onClose}>{t('form.cancel')}</Button>
        </>
      }
    >
      <form id={formId} className="form alerts-form" onSubmit={submit} noValidate>
        {hasOtherError && (
          <p className="form-error" role="alert">
            {t('form.failed', { message: mutation.error?.message })}
          </p>
        )}
        {!channel && (
          <Field label={t('form.kind')} error={errorOf('kind')}>
            {({ id }) => (
              <select id={id} className="form__control" value={values.kind} onChange={(event) => set('kind', event.target.value as ChannelKind)}>
                {CHANNEL_KINDS.map((kind) => (
                  <option key={kind} value={kind}>
                    {t(`kinds.${kind}`)}
                  </option>
                ))}
              </select>
            )}
          </Field>
        )}
        {text('name', t('form.name'), { dir: 'auto', path: 'name' })}
        <fieldset className="form__choices" aria-describedby={errorOf('events') ? `${eventsId}-error` : undefined}>
          <legend className="form__label">{t('form.events')}</legend>
          {NOTIFICATION_EVENTS.map((event) => (
            <label key={event} className="form__choice">
              <input type="checkbox" checked={values.events.includes(event)} onChange={(change) => toggleEvent(event, change.target.checked)} />
              {t(`events.${event}`)}
            </label>
          ))}
          {errorOf('events') && (
            <p id={`${eventsId}-error`} className="form-error">
              {errorOf('events')}
            </p>
          )}
        </fieldset>
        {text('failuresBeforeAlert', t('form.failuresBeforeAlert'), { type: 'number', path: 'failuresBeforeAlert', hint: t('form.failuresHint') })}
        {text('remindAfterMinutes', t('form.remindAfterMinutes'), { type: 'number', path: 'remindAfterMinutes', hint: t('form.optional') })}
        {text('longRunMinutes', t('form.longRunMinutes'), { type: 'number', path: 'longRunMinutes', hint: t('form.optional') })}
        {values.kind === 'webhook' && text('url', t('form.url'), { type: 'url' })}
        {values.kind === 'email' && (
          <>
            {text('host', t('form.host'))}
            {text('port', t('form.port'), { type: 'number' })}
            <label className="form__choice">
              <input type="checkbox" checked={values.secure} onChange={(event) => set('secure', event.target.checked)} />
              {t('form.secure')}
            </label>
            {text('username', t('form.username'))}
            {text('from', t('form.from'), { type: 'email' })}
          </>
        )}
        {values.kind === 'sms' && text('sender', t('form.sender'))}
        {values.kind !== 'webhook' && (
          <Field label={t('form.recipients')} error={errorOf('settings.recipients')} hint={t('form.recipientsHint')}>
            {({ id, describedBy, isInvalid }) => (
              <textarea
                id={id}
                className="form__control"
                dir="ltr"
                rows={3}
                aria-describedby={describedBy}
                aria-invalid={isInvalid}
                value={values.recipients}
                onChange={(event) => set('recipients', event.target.value)}
              />
            )}
          </Field>
        )}
        <Field label={secretLabel} error={errorOf(secretField(values.kind))} hint={isStored ? t('form.secretStored') : undefined}>
          {({ id, describedBy, isInvalid }) => (
            <input
              id={id}
              className="form__control"
              type="password"
              dir="ltr"
              autoComplete="new-password"
              aria-describedby={describedBy}
              aria-invalid={isInvalid}
              value={values.secret}
              onChange={(event) => set('secret', event.target.value)}
            />
          )}
        </Field>
      </form>
    </Dialog>
  );
}
