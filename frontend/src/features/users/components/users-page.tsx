import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { User } from '@hamgam/shared';
import { Badge } from '../../../components/ui/badge';
import { Button } from '../../../components/ui/button';
import { formatDateTime } from '../../../lib/format';
import { useSession } from '../../../lib/session';
import { useUsers } from '../api/get-users';
import { useUpdateUser } from '../api/save-user';
import { UserFormDialog } from './user-form-dialog';

/** Admins list, create, change, reset and deactivate users. */
export function UsersPage() {
  const { t, i18n } = useTranslation('users');
  const users = useUsers();
  const me = useSession();
  const updateUser = useUpdateUser();
  const [editing, setEditing] = useState<User | 'new' | null>(null);

  return (
    <section className="card" aria-labelledby="users-title">
      <div className="section-header">
        <h2 id="users-title" className="section-title">
          {t('listTitle')}
        </h2>
        <Button variant="primary" onClick={() => setEditing('new')}>
          {t('create')}
        </Button>
      </div>
      {users.isPending && <p className="muted">{t('common:status.loading')}</p>}
      {users.isError && <p className="form-error">{users.error.message}</p>}
      {updateUser.error && (
        <p className="form-error" role="alert">
          {t('form.failed', { message: updateUser.error.message })}
        </p>
      )}
      {users.data && (
        <div className="table-scroll">
          <table className="table">
            <thead>
              <tr>
                <th scope="col">{t('fields.displayName')}</th>
                <th scope="col">{t('fields.username')}</th>
                <th scope="col">{t('fields.role')}</th>
                <th scope="col">{t('fields.status')}</th>
                <th scope="col">{t('fields.lastLogin')}</th>
                <th scope="col">{t('fields.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {users.data.map((user) => (
                <tr key={user.id}>
                  <th scope="row" dir="auto">
                    {user.displayName}
                  </th>
                  <td dir="ltr">{user.username}</td>
                  <td>
                    <Badge tone={user.role === 'admin' ? 'accent' : 'neutral'}>{t(`auth:roles.${user.role}`)}</Badge>
                  </td>
                  <td>{user.isActive ? <Badge tone="success">{t('active')}</Badge> : <Badge tone="warning">{t('inactive')}</Badge>}</td>
                  <td>{user.lastLoginAt ? formatDateTime(user.lastLoginAt, i18n.language) : t('common:status.notAvailable')}</td>
                  <td className="row-actions">
                    <Button onClick={() => setEditing(user)} aria-label={t('editUser', { name: user.displayName })}>
                      {t('edit')}
                    </Button>
                    {user.id !== me?.id && (
                      <Button
                        variant={user.isActive ? 'danger' : 'secondary'}
                        isBusy={updateUser.isPending && updateUser.variables?.id === user.id}
                        onClick={() => updateUser.mutate({ id: user.id, isActive: !user.isActive })}
                        aria-label={t(user.isActive ? 'deactivateUser' : 'activateUser', { name: user.displayName })}
                      >
                        {t(user.isActive ? 'deactivate' : 'activate')}
                      </Button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {editing && <UserFormDialog user={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />}
    </section>
  );
}
