import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { Source } from '@hamgam/shared';
import { errorBody, reply, stubApi, type StubHandler } from '../../../testing/fetch-stub';
import { AUTO_SYNC_CONFIG, makeSource } from '../../../testing/fixtures';
import { renderApp } from '../../../testing/render';

const students = (): Source =>
  makeSource({
    id: 'students',
    modes: ['full', 'recent'],
    options: {
      campuses: [
        { code: '1110', name: 'مرکز تهران' },
        { code: '1120', name: 'مرکز تبریز' },
      ],
      concurrency: 4,
    },
  });

function stubStudents(routes: Record<string, StubHandler> = {}) {
  return stubApi({ 'GET /api/sources': () => [students()], 'GET /api/schedules/config': () => AUTO_SYNC_CONFIG, ...routes });
}

async function openCampuses(lng: 'fa' | 'en') {
  const view = await renderApp({ lng });
  const card = await screen.findByRole('article', { name: lng === 'fa' ? 'دانشجویان' : 'Students' });
  await view.user.click(within(card).getByRole('button', { name: lng === 'fa' ? 'تنظیمات' : 'Settings' }));
  const dialog = screen.getByRole('dialog');
  await view.user.click(within(dialog).getByRole('tab', { name: lng === 'fa' ? 'پردیس‌ها و سال‌ها' : 'Campuses and years' }));
  return { ...view, dialog };
}

describe('settings dialog, campuses and years tab', () => {
  it('should list the stored campuses one per line in Persian digits and count them', async () => {
    stubStudents();
    const { dialog } = await openCampuses('fa');

    const campuses = within(dialog).getByRole('textbox', { name: 'پردیس‌ها' });
    expect(campuses).toHaveValue('۱۱۱۰ مرکز تهران\n۱۱۲۰ مرکز تبریز');
    expect(campuses).toHaveAccessibleDescription(expect.stringContaining('۲ پردیس.'));
    expect(within(dialog).getByRole('textbox', { name: 'از سال' })).toHaveValue('');
  });

  it('should send the edited list and years as the server expects and say saved without closing', async () => {
    const api = stubStudents({ 'PATCH /api/sources/students': () => students() });
    const { user, dialog } = await openCampuses('fa');
    const campuses = within(dialog).getByRole('textbox', { name: 'پردیس‌ها' });

    await user.type(campuses, '\n۱۱۳۰\tمرکز شیراز');
    await user.type(within(dialog).getByRole('textbox', { name: 'از سال' }), '۱۴۰۲');
    await user.click(within(dialog).getByRole('button', { name: 'ذخیرهٔ پردیس‌ها و سال‌ها' }));

    await waitFor(() =>
      expect(
        within(dialog)
          .getAllByRole('status')
          .some((status) => status.textContent === 'ذخیره شد.'),
      ).toBe(true),
    );
    expect(screen.getByRole('dialog')).toBeInTheDocument();
    expect(api.callsTo('PATCH /api/sources/students')[0].body).toEqual({
      options: {
        campuses: [
          { code: '1110', name: 'مرکز تهران' },
          { code: '1120', name: 'مرکز تبریز' },
          { code: '1130', name: 'مرکز شیراز' },
        ],
        fromYear: 1402,
        toYear: null,
      },
    });
  });

  it('should name the line at fault and send nothing when a line has no name', async () => {
    const api = stubStudents();
    const { user, dialog } = await openCampuses('en');
    const campuses = within(dialog).getByRole('textbox', { name: 'Campuses' });

    await user.type(campuses, '\n1130');
    await user.click(within(dialog).getByRole('button', { name: 'Save campuses and years' }));

    expect(campuses).toHaveAttribute('aria-invalid', 'true');
    expect(campuses).toHaveAccessibleDescription(expect.stringContaining('Line 3: the campus has no name.'));
    expect(api.callsTo('PATCH /api/sources/students')).toHaveLength(0);
  });

  it("should say the server's refusal by the years in the reader's language when it refuses the range", async () => {
    const message = 'toYear must be from fromYear to 29 years after it';
    const problems = { 'options.toYear': [{ code: 'yearRange', params: { years: 29 } }] };
    stubStudents({
      'PATCH /api/sources/students': () => reply(400, errorBody(400, `options.toYear: ${message}`, { fields: { 'options.toYear': [message] }, problems })),
    });
    const { user, dialog } = await openCampuses('en');
    const toYear = within(dialog).getByRole('textbox', { name: 'To' });

    await user.type(within(dialog).getByRole('textbox', { name: 'From' }), '1404');
    await user.type(toYear, '1400');
    await user.click(within(dialog).getByRole('button', { name: 'Save campuses and years' }));

    expect(await within(dialog).findByText('The last year must be from the first year to 29 years after it.')).toBeInTheDocument();
    expect(within(dialog).queryByText(message)).not.toBeInTheDocument();
    expect(toYear).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByRole('dialog')).toBeInTheDocument();
  });
});
