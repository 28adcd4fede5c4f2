import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';

import { stubApi } from '../../../testing/fetch-stub';
import { AUTO_SYNC_CONFIG, makeLegacySource } from '../../../testing/fixtures';
import { renderApp } from '../../../testing/render';

async function openCommandTab(lng: 'fa' | 'en') {
  stubApi({ 'GET /api/sources': () => [makeLegacySource()], 'GET /api/schedules/config': () => AUTO_SYNC_CONFIG });
  const view = await renderApp({ lng });
  const card = await screen.findByRole('article', { name: lng === 'fa' ? 'اسکریپت قدیمی اعضای هیئت علمی' : /legacy/i });
  await view.user.click(within(card).getByRole('button', { name: lng === 'fa' ? 'تنظیمات' : 'Settings' }));
  const dialog = screen.getByRole('dialog');
  await view.user.click(within(dialog).getByRole('tab', { name: lng === 'fa' ? 'فرمان' : 'Command' }));
  return within(dialog).getByRole('tabpanel');
}

describe('the command tab of a command source', () => {
  it('should show the configured command read-only with a note that the server configuration sets it', async () => {
    const panel = await openCommandTab('en');

    expect(within(panel).getByText(/set in the server configuration/)).toBeInTheDocument();
    expect(within(panel).getByText('python3')).toBeInTheDocument();
    expect(within(panel).getByText('faculty_main.py')).toBeInTheDocument();
    expect(within(panel).getByText('/opt/legacy')).toBeInTheDocument();
    expect(within(panel).getByText('FACULTY_DB_URL')).toBeInTheDocument();
    expect(within(panel).queryByRole('textbox')).not.toBeInTheDocument();
    expect(within(panel).queryByRole('button')).not.toBeInTheDocument();
  });

  it('should explain in Persian where the command is set when the panel is in Persian', async () => {
    const panel = await openCommandTab('fa');

    expect(within(panel).getByText(/پیکربندی سرور/)).toBeInTheDocument();
  });
});
