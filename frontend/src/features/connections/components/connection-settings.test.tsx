import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { ConnectionTestResult, Source } from '@hamgam/shared';
import { errorBody, reply, stubApi, type StubHandler } from '../../../testing/fetch-stub';
import { AUTO_SYNC_CONFIG, makeSource } from '../../../testing/fixtures';
import { renderApp } from '../../../testing/render';

function moodle(overrides: Partial<Source> = {}): Source {
  return makeSource({
    id: 'moodle',
    connection: { baseUrl: 'https://lms.example.ac.ir', username: '', hasPassword: false, hasToken: true },
    canTestConnection: true,
    settings: {
      connection: [
        { name: 'baseUrl', kind: 'url', isRequired: true, isNeededForTest: false },
        { name: 'username', kind: 'text', isRequired: false, isNeededForTest: false },
        { name: 'password', kind: 'secret', isRequired: false, isNeededForTest: false },
        { name: 'token', kind: 'secret', isRequired: false, isNeededForTest: false },
      ],
      options: { type: 'object', properties: {} },
    },
    isStandIn: false,
    ...overrides,
  });
}

const PASSED: ConnectionTestResult = {
  isOk: true,
  errorKind: null,
  message: null,
  system: { name: 'سامانهٔ آموزش مجازی', version: '4.3 (Build: 20231009)', url: 'https://lms2.example.ac.ir', user: 'hamgam.sync' },
  checks: [{ name: 'core_webservice_get_site_info', isAllowed: true }],
  testedAt: '2026-11-23T10:30:00+03:30',
  durationMs: 80,
};

function stubConnection(routes: Record<string, StubHandler> = {}) {
  return stubApi({ 'GET /api/sources': () => [moodle()], 'GET /api/schedules/config': () => AUTO_SYNC_CONFIG, ...routes });
}

async function openConnection(lng: 'fa' | 'en' = 'en') {
  const view = await renderApp({ lng });
  const card = await screen.findByRole('article', { name: lng === 'fa' ? 'مودل' : 'Moodle' });
  await view.user.click(within(card).getByRole('button', { name: lng === 'fa' ? 'تنظیمات' : 'Settings' }));
  const dialog = screen.getByRole('dialog');
  await view.user.click(within(dialog).getByRole('tab', { name: lng === 'fa' ? 'اتصال' : 'Connection' }));
  return { ...view, dialog };
}

describe('settings dialog, connection tab', () => {
  it('should show the stored address and say which secrets are stored without showing them', async () => {
    stubConnection();
    const { dialog } = await openConnection('fa');

    expect(within(dialog).getByRole('tab', { name: 'اتصال' })).toHaveAttribute('aria-selected', 'true');
    expect(within(dialog).getByLabelText('نشانی سامانه')).toHaveValue('https://lms.example.ac.ir');
    const token = within(dialog).getByLabelText('توکن وب‌سرویس');
    expect(token).toHaveValue('');
    expect(token).toHaveAccessibleDescription('توکنی ذخیره شده است و نمایش داده نمی‌شود. خالی بگذارید تا همان بماند.');
    expect(within(dialog).getByLabelText('گذرواژه')).toHaveAccessibleDescription('گذرواژه‌ای ذخیره نشده است.');
    expect(within(dialog).queryByRole('checkbox', { name: 'گذرواژهٔ ذخیره‌شده پاک شود' })).not.toBeInTheDocument();
  });

  it('should test the typed address and token before anything is saved', async () => {
    const api = stubConnection({ 'POST /api/sources/moodle/test-connection': () => PASSED });
    const { user, dialog } = await openConnection();
    const address = within(dialog).getByLabelText('Address');

    await user.clear(address);
    await user.type(address, 'https://lms2.example.ac.ir');
    await user.type(within(dialog).getByLabelText('Web-service token'), 'typed-token');
    await user.click(within(dialog).getByRole('button', { name: 'Test connection' }));

    expect(await within(dialog).findByText('سامانهٔ آموزش مجازی')).toBeInTheDocument();
    expect(api.callsTo('POST /api/sources/moodle/test-connection')[0].body).toEqual({
      connection: { baseUrl: 'https://lms2.example.ac.ir', username: '', token: 'typed-token' },
    });
    expect(api.callsTo('PATCH /api/sources/moodle')).toHaveLength(0);
  });

  it('should save only what changed, say saved and stay open when Save connection is clicked', async () => {
    const api = stubConnection({ 'PATCH /api/sources/moodle': () => moodle() });
    const { user, dialog } = await openConnection();

    await user.type(within(dialog).getByLabelText('User name'), 'hamgam.sync');
    await user.click(within(dialog).getByRole('checkbox', { name: 'Remove the stored token' }));
    await user.click(within(dialog).getByRole('button', { name: 'Save connection' }));

    await waitFor(() =>
      expect(
        within(dialog)
          .getAllByRole('status')
          .some((status) => status.textContent === 'Saved.'),
      ).toBe(true),
    );
    expect(screen.getByRole('dialog')).toBeInTheDocument();
    expect(api.callsTo('PATCH /api/sources/moodle')[0].body).toEqual({ connection: { username: 'hamgam.sync', token: '' } });
  });

  it('should keep the dialog open and mark the address when it is not an http(s) URL', async () => {
    const api = stubConnection();
    const { user, dialog } = await openConnection();
    const address = within(dialog).getByLabelText('Address');

    await user.clear(address);
    await user.type(address, 'lms.example.ac.ir');
    await user.click(within(dialog).getByRole('button', { name: 'Save connection' }));

    expect(address).toHaveAttribute('aria-invalid', 'true');
    expect(address).toHaveAccessibleDescription(expect.stringContaining('The address must start with http:// or https://.'));
    expect(address).toHaveFocus();
    expect(api.callsTo('PATCH /api/sources/moodle')).toHaveLength(0);
  });

  it("should say the server's refusal next to the field from its code, not in the server's words, when the server refuses the connection", async () => {
    const message = 'baseUrl must be an http(s) URL';
    stubConnection({
      'PATCH /api/sources/moodle': () =>
        reply(
          400,
          errorBody(400, `connection.baseUrl: ${message}`, {
            fields: { 'connection.baseUrl': [message] },
            problems: { 'connection.baseUrl': [{ code: 'url' }] },
          }),
        ),
    });
    const { user, dialog } = await openConnection();
    const address = within(dialog).getByLabelText('Address');

    await user.type(address, '/moodle');
    await user.type(within(dialog).getByLabelText('Web-service token'), 'typed-token');
    await user.click(within(dialog).getByRole('button', { name: 'Save connection' }));

    await waitFor(() => expect(address).toHaveAccessibleDescription(expect.stringContaining('Enter an address that starts with http:// or https://.')));
    expect(address).not.toHaveAccessibleDescription(expect.stringContaining(message));
    expect(screen.getByRole('dialog')).toBeInTheDocument();
  });

  it('should offer no connection tab for a source run as a command', async () => {
    stubConnection({
      'GET /api/sources': () => [makeSource({ id: 'legacy-faculty', kind: 'command', connection: null, deletionGuard: null, canDryRun: false })],
    });
    const view = await renderApp({ lng: 'en' });
    const card = await screen.findByRole('article', { name: /legacy/i });

    await view.user.click(within(card).getByRole('button', { name: 'Settings' }));

    expect(
      within(screen.getByRole('dialog'))
        .getAllByRole('tab')
        .map((tab) => tab.textContent),
    ).toEqual(['Schedule']);
  });

  it('should ask for the stored token again and send nothing when only the address changes', async () => {
    const api = stubConnection();
    const { user, dialog } = await openConnection();

    await user.type(within(dialog).getByLabelText('Address'), '/moodle');
    await user.click(within(dialog).getByRole('button', { name: 'Save connection' }));

    expect(within(dialog).getByLabelText('Web-service token')).toHaveAccessibleDescription(expect.stringContaining('type the token again'));
    expect(api.callsTo('PATCH /api/sources/moodle')).toHaveLength(0);
  });
});
