import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { Source } from '@hamgam/shared';
import { errorBody, reply, stubApi, type StubHandler } from '../../testing/fetch-stub';
import { AUTO_SYNC_CONFIG, makeSource } from '../../testing/fixtures';
import { renderApp } from '../../testing/render';

function faculty(overrides: Partial<Source> = {}): Source {
  const base = makeSource();
  return makeSource({
    options: { pageSize: 500, maxRetries: 4 },
    settings: {
      connection: [
        ...base.settings.connection,
        // A credential no real source has: it must still render, write-only, from the declaration alone.
        { name: 'apiKey', kind: 'secret', isRequired: false, isNeededForTest: true },
      ],
      options: {
        type: 'object',
        properties: {
          pageSize: { type: 'integer', minimum: 1, maximum: 100_000, default: 500, labelKey: 'options.pageSize' },
          maxRetries: { type: 'integer', minimum: 0, maximum: 10, default: 4, labelKey: 'options.maxRetries' },
          campuses: { isCustom: true, labelKey: 'options.campuses' },
        },
      },
    },
    connection: { baseUrl: 'http://127.0.0.1:3101', username: 'hamgam', hasPassword: true, hasApiKey: true },
    ...overrides,
  });
}

function stub(routes: Record<string, StubHandler> = {}) {
  return stubApi({ 'GET /api/sources': () => [faculty()], 'GET /api/schedules/config': () => AUTO_SYNC_CONFIG, ...routes });
}

async function openTab(tab: string, lng: 'fa' | 'en' = 'en') {
  const view = await renderApp({ lng });
  const card = await screen.findByRole('article', { name: lng === 'fa' ? 'اعضای هیئت علمی' : 'Faculty members' });
  await view.user.click(within(card).getByRole('button', { name: lng === 'fa' ? 'تنظیمات' : 'Settings' }));
  const dialog = screen.getByRole('dialog');
  await view.user.click(within(dialog).getByRole('tab', { name: tab }));
  return { ...view, dialog };
}

describe('settings dialog, declared options', () => {
  it('should render each declared option with its label from the source locale file and its limits, and no custom one', async () => {
    stub();
    const { dialog } = await openTab('Options');

    const pageSize = within(dialog).getByLabelText('Records per page');
    expect(pageSize).toHaveValue(500);
    expect(pageSize).toHaveAttribute('min', '1');
    expect(pageSize).toHaveAttribute('max', '100000');
    expect(pageSize).toHaveAccessibleDescription('From 1 to 100,000.');
    expect(within(dialog).getByLabelText('Retries at most')).toHaveValue(4);
    expect(within(dialog).queryByLabelText(/campuses/i)).not.toBeInTheDocument();
  });

  it('should send only the changed option and say saved without closing when saved', async () => {
    const api = stub({ 'PATCH /api/sources/faculty': () => faculty() });
    const { user, dialog } = await openTab('Options');

    await user.clear(within(dialog).getByLabelText('Retries at most'));
    await user.type(within(dialog).getByLabelText('Retries at most'), '6');
    await user.click(within(dialog).getByRole('button', { name: 'Save options' }));

    await waitFor(() =>
      expect(
        within(dialog)
          .getAllByRole('status')
          .some((status) => status.textContent === 'Saved.'),
      ).toBe(true),
    );
    expect(screen.getByRole('dialog')).toBeInTheDocument();
    expect(api.callsTo('PATCH /api/sources/faculty')[0].body).toEqual({ options: { maxRetries: 6 } });
  });

  it("should say the option's limit from the server's code when the server refuses it", async () => {
    const message = 'Too big: expected number to be <=10';
    const problems = { 'options.maxRetries': [{ code: 'tooBig', params: { max: 10 } }] };
    stub({
      'PATCH /api/sources/faculty': () =>
        reply(400, errorBody(400, `options.maxRetries: ${message}`, { fields: { 'options.maxRetries': [message] }, problems })),
    });
    const { user, dialog } = await openTab('Options');
    const retries = within(dialog).getByLabelText('Retries at most');

    await user.clear(retries);
    await user.type(retries, '11');
    await user.click(within(dialog).getByRole('button', { name: 'Save options' }));

    await waitFor(() => expect(retries).toHaveAccessibleDescription(expect.stringContaining('Enter at most 10.')));
    expect(retries).not.toHaveAccessibleDescription(expect.stringContaining(message));
    expect(retries).toHaveAttribute('aria-invalid', 'true');
  });

  it('should render a declared secret of a new kind write-only, with removal when it is optional', async () => {
    const api = stub({ 'PATCH /api/sources/faculty': () => faculty() });
    const { user, dialog } = await openTab('Connection');

    const apiKey = within(dialog).getByLabelText('apiKey');
    expect(apiKey).toHaveAttribute('type', 'password');
    expect(apiKey).toHaveValue('');
    expect(apiKey).toHaveAccessibleDescription('A value is stored and never shown. Leave this empty to keep it.');
    // The password is required for this source: it can be replaced, not removed.
    expect(within(dialog).queryByRole('checkbox', { name: 'Remove the stored password' })).not.toBeInTheDocument();
    await user.click(within(dialog).getByRole('checkbox', { name: 'Remove the stored value' }));
    await user.click(within(dialog).getByRole('button', { name: 'Save connection' }));

    await waitFor(() => expect(api.callsTo('PATCH /api/sources/faculty')).toHaveLength(1));
    expect(api.callsTo('PATCH /api/sources/faculty')[0].body).toEqual({ connection: { apiKey: '' } });
  });
});

describe('saving settings', () => {
  it('should show the saved source from the PATCH answer without fetching the sources list again', async () => {
    const saved = faculty({ enabled: false });
    const api = stub({ 'PATCH /api/sources/faculty': () => saved });
    const { user, dialog } = await openTab('Options');
    expect(api.callsTo('GET /api/sources')).toHaveLength(1);

    await user.clear(within(dialog).getByLabelText('Retries at most'));
    await user.type(within(dialog).getByLabelText('Retries at most'), '6');
    await user.click(within(dialog).getByRole('button', { name: 'Save options' }));

    await waitFor(() =>
      expect(
        within(dialog)
          .getAllByRole('status')
          .some((status) => status.textContent === 'Saved.'),
      ).toBe(true),
    );
    const card = screen.getByRole('article', { name: 'Faculty members' });
    expect(await within(card).findByText(/disabled/i)).toBeInTheDocument();
    expect(api.callsTo('GET /api/sources')).toHaveLength(1);
  });
});
