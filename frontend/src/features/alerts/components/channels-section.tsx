import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { NotificationChannel } from '@hamgam/shared';
import { Badge } from '../../../components/ui/badge';
import { Button } from '../../../components/ui/button';
import { Dialog } from '../../../components/ui/dialog';
import { useIsAdmin } from '../../../lib/session';
import { useChannels } from '../api/get-channels';
import { useDeleteChannel, useTestChannel, useUpdateChannel } from '../api/save-channel';
import { ChannelFormDialog } from './channel-form-dialog';

/** The channels: admins add, edit, switch, test and delete them; auditors see them. */
export function ChannelsSection() {
  const { t } = useTranslation('alerts');
  const channels = useChannels();
  const isAdmin = useIsAdmin();
  const update = useUpdateChannel();
  const remove = useDeleteChannel();
  const test = useTestChannel();
  const [editing, setEditing] = useState<NotificationChannel | 'new' | null>(null);
  const [deleting, setDeleting] = useState<NotificationChannel | null>(null);
  const error = update.error ?? remove.error ?? test.error;

  return (
    <section className="card" aria-labelledby="alert-channels-title">
      <div className="section-header">
        <h2 id="alert-channels-title" className="section-title">
          {t('channels.title')}
        </h2>
        {isAdmin && (
          <Button variant="primary" onClick={() => setEditing('new')}>
            {t('channels.add')}
          </Button>
        )}
      </div>
      {channels.isPending && <p className="muted">{t('common:status.loading')}</p>}
      {channels.isError && <p className="form-error">{channels.error.message}</p>}
      {error && (
        <p className="form-error" role="alert">
          {t('channels.failed', { message: error.message })}
        </p>
      )}
      {test.isSuccess && (
        <p className="muted" role="status">
          {t('channels.testQueued', { name: test.data.channelName })}
        </p>
      )}
      {channels.data?.length === 0 && <p className="muted">{t('channels.empty')}</p>}
      {channels.data && channels.data.length > 0 && (
        <div className="table-scroll">
          <table className="table" aria-labelledby="alert-channels-title">
            <thead>
              <tr>
                <th scope="col">{t('channels.name')}</th>
                <th scope="col">{t('channels.kind')}</th>
                <th scope="col">{t('channels.events')}</th>
                <th scope="col">{t('channels.enabled')}</th>
                {isAdmin && <th scope="col">{t('channels.actions')}</th>}
              </tr>
            </thead>
            <tbody>
              {channels.data.map((channel) => (
                <tr key={channel.id}>
                  <th scope="row" dir="auto">
                    {channel.name}
                  </th>
                  <td>
                    <Badge tone="neutral">{t(`kinds.${channel.kind}`)}</Badge>
                  </td>
                  <td>
                    <ul className="alerts-events">
                      {channel.events.map((event) => (
                        <li key={event}>{t(`events.${event}`)}</li>
                      ))}
                    </ul>
                  </td>
                  <td>
                    <input
                      type="checkbox"
                      role="switch"
                      className="switch"
                      checked={update.isPending && update.variables.id === channel.id ? Boolean(update.variables.enabled) : channel.enabled}
                      disabled={!isAdmin}
                      aria-label={t('channels.enableChannel', { name: channel.name })}
                      onChange={(event) => update.mutate({ id: channel.id, enabled: event.target.checked })}
                    />
                  </td>
                  {isAdmin && (
                    <td className="row-actions">
                      <Button onClick={() => setEditing(channel)} aria-label={t('channels.editChannel', { name: channel.name })}>
                        {t('channels.edit')}
                      </Button>
                      <Button
                        isBusy={test.isPending && test.variables === channel.id}
                        onClick={() => test.mutate(channel.id)}
                        aria-label={t('channels.testChannel', { name: channel.name })}
                      >
                        {t('channels.test')}
                      </Button>
                      <Button variant="danger" onClick={() => setDeleting(channel)} aria-label={t('channels.deleteChannel', { name: channel.name })}>
                        {t('channels.delete')}
                      </Button>
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {editing && <ChannelFormDialog channel={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />}
      {deleting && (
        <Dialog
          title={t('channels.deleteTitle', { name: deleting.name })}
          description={t('channels.deleteBody')}
          onClose={() => setDeleting(null)}
          actions={
            <>
              <Button variant="danger" isBusy={remove.isPending} onClick={() => remove.mutate(deleting.id, { onSuccess: () => setDeleting(null) })}>
                {t('channels.delete')}
              </Button>
              <Button onClick={() => setDeleting(null)}>{t('form.cancel')}</Button>
            </>
          }
        />
      )}
    </section>
  );
}
