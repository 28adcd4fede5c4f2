import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { errorBody, reply, stubApi } from '../testing/fetch-stub';
import { renderApp } from '../testing/render';

describe('user menu', () => {
  it('should end every session, not only this one, and show the sign-in page when "sign out everywhere" is clicked', async () => {
    const api = stubApi({
      'GET /api/sources': () => [],
      'POST /api/auth/logout-all': () => reply(204, null),
      'GET /api/auth/me': () => reply(401, errorBody(401, 'sign in first')),
    });
    const { user } = await renderApp();

    await user.click(await screen.findByRole('button', { name: 'خروج از همه‌جا' }));

    expect(await screen.findByRole('heading', { name: 'ورود' })).toBeInTheDocument();
    expect(api.callsTo('POST /api/auth/logout-all')).toHaveLength(1);
    expect(api.callsTo('POST /api/auth/logout')).toHaveLength(0);
  });

  it('should show the sign-in page when "sign out" is clicked', async () => {
    const api = stubApi({
      'GET /api/sources': () => [],
      'POST /api/auth/logout': () => reply(204, null),
      'GET /api/auth/me': () => reply(401, errorBody(401, 'sign in first')),
    });
    const { user } = await renderApp();

    await user.click(await screen.findByRole('button', { name: 'خروج' }));

    expect(await screen.findByRole('heading', { name: 'ورود' })).toBeInTheDocument();
    expect(api.callsTo('POST /api/auth/logout')).toHaveLength(1);
  });

  it('should offer both sign-outs in English when the language is English', async () => {
    stubApi({ 'GET /api/sources': () => [] });
    await renderApp({ lng: 'en' });

    expect(await screen.findByRole('button', { name: 'Sign out' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Sign out everywhere' })).toHaveAttribute(
      'title',
      'Ends your sessions on every device and browser, this one included.',
    );
  });
});
