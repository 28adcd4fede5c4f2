import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { reply, stubApi } from '../testing/fetch-stub';
import { renderApp } from '../testing/render';

describe('user menu', () => {
  it('should ask the server to end every session, not only this one, when "sign out everywhere" is clicked', async () => {
    const api = stubApi({
      'GET /api/sources': () => [],
      'POST /api/auth/logout-all': () => reply(204, null),
    });
    const { user } = await renderApp();

    await user.click(await screen.findByRole('button', { name: 'خروج از همه‌جا' }));

    await waitFor(() => expect(api.callsTo('POST /api/auth/logout-all')).toHaveLength(1));
    expect(api.callsTo('POST /api/auth/logout')).toHaveLength(0);
  });

  it('should offer both sign-outs in English when the language is English', async () => {
    stubApi({ 'GET /api/sources': () => [] });
    await renderApp({ lng: 'en' });

    expect(await screen.findByRole('button', { name: 'Sign out' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Sign out everywhere' })).toHaveAttribute('title', 'Ends your sessions on every device and browser, this one included.');
  });
});
