import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { USER_ROLES, type User, type UserRole } from '@hamgam/shared';
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
  const fieldError = (field: string) => (isApiError(error) ? error.body?.fields?.[field]?.join(', ') : undefined);

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
        <input id={ids.username} className="form__control" dir="ltr" autoComplete="off" required value={username} onChange={(event) => setUsername(event.target.value)} />
        {fieldError('username') && <p className="form-error">{fieldError('username')}</p>}
        <label htmlFor={ids.displayName} className="form__label">
          {t('fields.displayName')}
        </label>
        <input id={ids.displayName} className="form__control" dir="auto" required value={displayName} onChange={(event) => setDisplayName(event.target.value)} />
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
          minLength={8}
          required={!user}
          value={password}
          onChange={(event) => setPassword(event.target.value)}
        />
        <p className="form__hint">{user ? t('form.passwordResetHint') : t('form.passwordHint')}</p>
        {fieldError('password') && <p className="form-error">{fieldError('password')}</p>}
      </form>
      {error && (
        <p className="form-error" role="alert">
          {t('form.failed', { message: error.message })}
        </p>
      )}
    </Dialog>
  );
}
