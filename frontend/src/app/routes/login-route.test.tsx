import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { errorBody, reply, stubApi } from '../../testing/fetch-stub';
import { makeSource, makeUser } from '../../testing/fixtures';
import { renderApp } from '../../testing/render';

describe('sign-in', () => {
  it('should send a signed-out visitor to the sign-in page and back when they sign in', async () => {
    let isSignedIn = false;
    const api = stubApi({
      'GET /api/auth/me': () => (isSignedIn ? makeUser() : reply(401, errorBody(401, 'sign in first'))),
      'POST /api/auth/login': () => {
        isSignedIn = true;
        return makeUser();
      },
      'GET /api/sources': () => [makeSource()],
    });
    const { user, router } = await renderApp({ route: '/history?status=failed', session: null });

    expect(await screen.findByRole('heading', { level: 1, name: 'ورود' })).toBeInTheDocument();
    await user.type(screen.getByLabelText('نام کاربری'), 'admin');
    await user.type(screen.getByLabelText('گذرواژه'), 'secret-password');
    await user.click(screen.getByRole('button', { name: 'ورود' }));

    expect(await screen.findByRole('heading', { level: 1, name: 'تاریخچهٔ اجراها' })).toBeInTheDocument();
    expect(router.state.location.search).toBe('?status=failed');
    expect(api.callsTo('POST /api/auth/login')[0].body).toEqual({ username: 'admin', password: 'secret-password' });
  });

  it('should say the tries ran out when the server answers 429', async () => {
    stubApi({
      'GET /api/auth/me': () => reply(401, errorBody(401, 'sign in first')),
      'POST /api/auth/login': () => reply(429, errorBody(429, 'too many')),
    });
    const { user } = await renderApp({ route: '/login', session: null, lng: 'en' });
    await user.type(await screen.findByLabelText('Username'), 'admin');
    await user.type(screen.getByLabelText('Password'), 'whatever1');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Too many failed tries');
  });
});

describe('roles in the panel', () => {
  it('should hide Sync, Cancel and the users page when the user is an auditor', async () => {
    stubApi({ 'GET /api/sources': () => [makeSource({ activeRun: null })] });
    await renderApp({ session: makeUser({ role: 'auditor', username: 'sara' }), lng: 'en' });

    expect(await screen.findByRole('article', { name: 'Faculty members' })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Sync' })).not.toBeInTheDocument();
    expect(screen.queryByRole('link', { name: 'Users' })).not.toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'History' })).toBeInTheDocument();
  });

  it('should show Sync and the users page when the user is an admin', async () => {
    stubApi({ 'GET /api/sources': () => [makeSource({ activeRun: null })] });
    await renderApp({ lng: 'en' });

    expect(await screen.findByRole('button', { name: 'Sync' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Users' })).toBeInTheDocument();
  });
});
