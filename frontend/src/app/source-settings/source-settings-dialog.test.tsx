import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { stubApi } from '../../testing/fetch-stub';
import { AUTO_SYNC_CONFIG, makeAutoSync, makeSource } from '../../testing/fixtures';
import { renderApp } from '../../testing/render';

const PREVIEW = { timeZone: 'Asia/Tehran', fireTimes: [], reasons: [] };

async function openSettings(routes: Parameters<typeof stubApi>[0] = {}) {
  const api = stubApi({
    'GET /api/sources': () => [makeSource()],
    'GET /api/schedules/config': () => AUTO_SYNC_CONFIG,
    'GET /api/schedules/preview': () => PREVIEW,
    ...routes,
  });
  const view = await renderApp({ lng: 'en' });
  const card = await screen.findByRole('article', { name: 'Faculty members' });
  await view.user.click(within(card).getByRole('button', { name: 'Settings' }));
  const dialog = screen.getByRole('dialog', { name: 'Settings of “Faculty members”' });
  return { ...view, api, card, dialog };
}

describe('settings dialog, unsaved changes', () => {
  it('should ask before closing and keep the draft when Escape is pressed with an unsaved change and Keep editing is chosen', async () => {
    const { user, dialog } = await openSettings();
    const every = within(dialog).getByRole('textbox', { name: 'Every' });
    await user.clear(every);
    await user.type(every, '3');

    expect(within(dialog).getByRole('tab', { name: 'Schedule (unsaved)' })).toBeInTheDocument();
    await user.keyboard('{Escape}');

    const prompt = screen.getByRole('dialog', { name: 'Discard unsaved changes?' });
    expect(prompt).toHaveAccessibleDescription('Not saved yet: Schedule. Save each tab with its own button, or discard the changes.');
    expect(within(prompt).getByRole('button', { name: 'Keep editing' })).toHaveFocus();
    await user.click(within(prompt).getByRole('button', { name: 'Keep editing' }));

    expect(screen.queryByRole('dialog', { name: 'Discard unsaved changes?' })).not.toBeInTheDocument();
    expect(within(dialog).getByRole('textbox', { name: 'Every' })).toHaveValue('3');
  });

  it('should close without saving when Close is clicked with an unsaved change and Discard changes is chosen', async () => {
    const { user, dialog, api } = await openSettings();
    await user.click(within(dialog).getByRole('switch', { name: 'Automatic sync' }));

    await user.click(within(dialog).getByRole('button', { name: 'Close' }));
    await user.click(within(screen.getByRole('dialog', { name: 'Discard unsaved changes?' })).getByRole('button', { name: 'Discard changes' }));

    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(api.callsTo('PATCH /api/sources/faculty')).toHaveLength(0);
  });

  it('should close at once when nothing is unsaved, also right after a save', async () => {
    const { user, dialog } = await openSettings({ 'PATCH /api/sources/faculty': () => makeSource({ autoSync: makeAutoSync({ every: 3 }) }) });
    const every = within(dialog).getByRole('textbox', { name: 'Every' });
    await user.clear(every);
    await user.type(every, '3');
    await user.click(within(dialog).getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(within(dialog).getByRole('tab', { name: 'Schedule' })).toBeInTheDocument());

    await user.click(within(dialog).getByRole('button', { name: 'Close' }));

    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
  });

  it('should keep each tab its own draft when another tab is looked at', async () => {
    const { user, dialog } = await openSettings();
    await user.clear(within(dialog).getByRole('textbox', { name: 'Every' }));
    await user.type(within(dialog).getByRole('textbox', { name: 'Every' }), '4');

    await user.click(within(dialog).getByRole('tab', { name: 'Connection' }));
    await user.click(within(dialog).getByRole('tab', { name: 'Schedule (unsaved)' }));

    expect(within(dialog).getByRole('textbox', { name: 'Every' })).toHaveValue('4');
  });
});
