import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { errorBody, reply, stubApi } from '../../../testing/fetch-stub';
import { makeUser } from '../../../testing/fixtures';
import { renderApp } from '../../../testing/render';

const refusedPassword = (problem: string) => reply(400, errorBody(400, `password: ${problem}`, { fields: { password: [problem] } }));

describe('user form', () => {
  it('should show why the server refused the password, in English, next to the password field', async () => {
    const api = stubApi({ 'GET /api/users': () => [makeUser()], 'POST /api/users': () => refusedPassword('common') });
    const { user } = await renderApp({ route: '/users', lng: 'en' });

    await user.click(await screen.findByRole('button', { name: 'New user' }));
    await user.type(screen.getByLabelText('Username'), 'sara');
    await user.type(screen.getByLabelText('Display name'), 'Sara');
    await user.type(screen.getByLabelText('Password'), 'Password1234');
    await user.click(screen.getByRole('button', { name: 'Save' }));

    const password = screen.getByLabelText('Password');
    expect(await screen.findByText('This password is one of the most common ones; choose another.')).toBeInTheDocument();
    expect(password).toHaveAttribute('aria-invalid', 'true');
    expect(password).toHaveAccessibleDescription('This password is one of the most common ones; choose another.');
    expect(screen.queryByText(/Not saved/)).not.toBeInTheDocument();
    expect(api.callsTo('POST /api/users')[0].body).toMatchObject({ username: 'sara', password: 'Password1234' });
  });

  it('should show the refusal in Persian when a new password holds the username', async () => {
    stubApi({
      'GET /api/users': () => [makeUser({ id: '2', username: 'sara', displayName: 'سارا' })],
      'PATCH /api/users/2': () => refusedPassword('containsUsername'),
    });
    const { user } = await renderApp({ route: '/users', lng: 'fa' });

    await user.click(await screen.findByRole('button', { name: 'ویرایش سارا' }));
    await user.type(screen.getByLabelText('گذرواژهٔ تازه (برای نگه داشتن خالی بگذارید)'), 'sara-and-more-1');
    await user.click(screen.getByRole('button', { name: 'ذخیره' }));

    expect(await screen.findByText('گذرواژه نباید نام کاربری باشد یا آن را در خود داشته باشد.')).toBeInTheDocument();
  });
});
