import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { PASSWORD_MIN_LENGTH, USER_ROLES, type User, type UserRole } from '@hamgam/shared';
import { Button } from '../../../components/ui/button';
import { Dialog } from '../../../components/ui/dialog';
import { isApiError } from '../../../lib/api-client';
import { useCreateUser, useUpdateUser } from '../api/save-user';

export type UserFormDialogProps = { user: User | null; onClose: () => void };

/** Creates a user (`user` null) or changes one: name, role, and a new password when one is typed. */
export function UserFormDialog({ user, onClose }: UserFormDialogProps) {
  const { t } = useTranslation('users');
  const createUser = useCreateUser();
  const updateUser = useUpdateUser();
  const mutation = user ? updateUser : createUser;
  const [username, setUsername] = useState(user?.username ?? '');
  const [displayName, setDisplayName] = useState(user?.displayName ?? '');
  const [role, setRole] = useState<UserRole>(user?.role ?? 'auditor');
  const [password, setPassword] = useState('');
  const formId = useId();
  const ids = { username: useId(), displayName: useId(), role: useId(), password: useId() };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (user) {
      updateUser.mutate({ id: user.id, username, displayName, role, ...(password ? { password } : {}) }, { onSuccess: onClose });
    } else {
      createUser.mutate({ username, displayName, role, password }, { onSuccess: onClose });
    }
  };
  const error = mutation.error;
  // The server names why it refused a field with a code (`taken`, `tooShort`, `common`…); shown in the UI's language.
  const fieldError = (field: 'username' | 'password') =>
    isApiError(error) ? error.body?.fields?.[field]?.map((message) => t(`errors.${field}.${message}`, { defaultValue: message })).join(' ') : undefined;
  const errors = { username: fieldError('username'), password: fieldError('password') };

  return (
    <Dialog
      title={user ? t('form.editTitle', { name: user.displayName }) : t('form.createTitle')}
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
      <form id={formId} className="form" onSubmit={submit}>
        <label htmlFor={ids.username} className="form__label">
          {t('fields.username')}
        </label>
        <input
          id={ids.username}
          className="form__control"
          dir="ltr"
          autoComplete="off"
          required
          aria-invalid={errors.username ? true : undefined}
          aria-describedby={errors.username ? `${ids.username}-error` : undefined}
          value={username}
          onChange={(event) => setUsername(event.target.value)}
        />
        {errors.username && (
          <p id={`${ids.username}-error`} className="form-error">
            {errors.username}
          </p>
        )}
        <label htmlFor={ids.displayName} className="form__label">
          {t('fields.displayName')}
        </label>
        <input
          id={ids.displayName}
          className="form__control"
          dir="auto"
          required
          value={displayName}
          onChange={(event) => setDisplayName(event.target.value)}
        />
        <label htmlFor={ids.role} className="form__label">
          {t('fields.role')}
        </label>
        <select id={ids.role} className="form__control" value={role} onChange={(event) => setRole(event.target.value as UserRole)}>
          {USER_ROLES.map((value) => (
            <option key={value} value={value}>
              {t(`auth:roles.${value}`)}
            </option>
          ))}
        </select>
        <label htmlFor={ids.password} className="form__label">
          {user ? t('fields.newPassword') : t('fields.password')}
        </label>
        <input
          id={ids.password}
          className="form__control"
          dir="ltr"
          type="password"
          autoComplete="new-password"
          minLength={PASSWORD_MIN_LENGTH}
          required={!user}
          aria-invalid={errors.password ? true : undefined}
          aria-describedby={errors.password ? `${ids.password}-error` : undefined}
          value={password}
          onChange={(event) => setPassword(event.target.value)}
        />
        <p className="form__hint">{user ? t('form.passwordResetHint') : t('form.passwordHint')}</p>
        {errors.password && (
          <p id={`${ids.password}-error`} className="form-error">
            {errors.password}
          </p>
        )}
      </form>
      {error && !errors.username && !errors.password && (
        <p className="form-error" role="alert">
          {t('form.failed', { message: error.message })}
        </p>
      )}
    </Dialog>
  );
}
