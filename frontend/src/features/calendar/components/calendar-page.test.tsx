import { screen, within } from '@testing-library/react';
import type { UserEvent } from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { AcademicCalendar, AcademicCalendarInput } from '@hamgam/shared';
import { errorBody, reply, stubApi } from '../../../testing/fetch-stub';
import { makeUser } from '../../../testing/fixtures';
import { renderApp } from '../../../testing/render';

const UNSAVED: AcademicCalendar = {
  terms: [],
  closures: [
    { name: 'نوروز', start: '1405-01-01', end: '1405-01-04' },
    { name: 'پیروزی انقلاب اسلامی', start: '1405-11-22', end: '1405-11-22' },
  ],
  isSaved: false,
  prefilledYear: 1405,
  updatedAt: null,
  updatedBy: null,
};

const SAVED: AcademicCalendar = {
  terms: [{ name: 'Autumn 1405', start: '1405-07-01', end: '1405-10-30' }],
  closures: [{ name: 'Nowruz', start: '1405-01-01', end: '1405-01-04' }],
  isSaved: true,
  prefilledYear: null,
  updatedAt: '2026-11-23T07:00:00.000Z',
  updatedBy: 'admin',
};

/** Pastes the whole text at once: typing it key by key is slow on a busy machine, and this form reads only the value. */
async function fill(user: UserEvent, field: HTMLElement, text: string) {
  await user.click(field);
  await user.paste(text);
}

const stored = (input: AcademicCalendarInput): AcademicCalendar => ({
  ...input,
  isSaved: true,
  prefilledYear: null,
  updatedAt: '2026-11-23T08:00:00.000Z',
  updatedBy: 'admin',
});

describe('calendar page', () => {
  it('should show the suggested holidays of an unsaved calendar and save it with a closure added, in Persian', async () => {
    const api = stubApi({ 'GET /api/calendar': () => UNSAVED, 'PUT /api/calendar': (request) => stored(request.body as AcademicCalendarInput) });
    const { user } = await renderApp({ route: '/calendar', lng: 'fa' });

    expect(await screen.findByRole('note')).toHaveTextContent('تعطیلات رسمی ۱۴۰۵ که تاریخ شمسی ثابت دارند');
    expect(screen.getAllByText('تعطیل رسمی، پیشنهادی')).toHaveLength(2);
    expect(screen.getByLabelText('روز اول تعطیلی ۱')).toHaveValue('۱۴۰۵/۰۱/۰۱');

    await user.click(screen.getByRole('button', { name: 'افزودن تعطیلی' }));
    await fill(user, screen.getByLabelText('نام تعطیلی ۳'), 'تاسوعا و عاشورا');
    await fill(user, screen.getByLabelText('روز اول تعطیلی ۳'), '۱۴۰۵/۴/۴');
    await fill(user, screen.getByLabelText('روز آخر تعطیلی ۳'), '۱۴۰۵/۰۴/۰۵');
    expect(screen.getByText('تغییرات ذخیره‌نشده')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'ذخیرهٔ تقویم' }));

    expect(await screen.findByText(/^تقویم در .* ذخیره شد\.$/)).toBeInTheDocument();
    expect(api.callsTo('PUT /api/calendar')[0].body).toEqual({
      terms: [],
      closures: [...UNSAVED.closures, { name: 'تاسوعا و عاشورا', start: '1405-04-04', end: '1405-04-05' }],
    });
    expect(screen.queryByRole('note')).not.toBeInTheDocument();
    expect(screen.queryByText('تعطیل رسمی، پیشنهادی')).not.toBeInTheDocument();
  });

  it('should show the server’s refusal translated next to the field it names, in English', async () => {
    stubApi({
      'GET /api/calendar': () => SAVED,
      'PUT /api/calendar': () =>
        reply(
          400,
          errorBody(400, 'terms[1].start: overlaps another term', { fields: { 'terms[1].start': ['terms_overlap'], 'closures[0].end': ['date_range'] } }),
        ),
    });
    const { user } = await renderApp({ route: '/calendar', lng: 'en' });

    await user.click(await screen.findByRole('button', { name: 'Add term' }));
    await fill(user, screen.getByLabelText('Term 2: name'), 'Spring 1406');
    await fill(user, screen.getByLabelText('Term 2: first day'), '1405/10/15');
    await fill(user, screen.getByLabelText('Term 2: last day'), '1406/03/31');
    await user.click(screen.getByRole('button', { name: 'Save calendar' }));

    const start = screen.getByLabelText('Term 2: first day');
    expect(await screen.findByText('This term overlaps another term.')).toBeInTheDocument();
    expect(start).toHaveAttribute('aria-invalid', 'true');
    expect(start).toHaveAccessibleDescription('This term overlaps another term.');
    expect(screen.getByLabelText('Closure 1: last day')).toHaveAccessibleDescription('The year must be between 1300 and 1499.');
    expect(screen.queryByText(/Calendar saved/)).not.toBeInTheDocument();
  });

  it('should refuse Esfand 30 of a common year and a reversed period before asking the server', async () => {
    const api = stubApi({ 'GET /api/calendar': () => SAVED });
    const { user } = await renderApp({ route: '/calendar', lng: 'en' });

    await user.click(await screen.findByRole('button', { name: 'Add closure' }));
    await fill(user, screen.getByLabelText('Closure 2: name'), 'Last day of 1404');
    await fill(user, screen.getByLabelText('Closure 2: first day'), '1404/12/30');
    await fill(user, screen.getByLabelText('Closure 2: last day'), '1404/12/29');
    await user.clear(screen.getByLabelText('Term 1: last day'));
    await fill(user, screen.getByLabelText('Term 1: last day'), '1405/06/31');
    await user.click(screen.getByRole('button', { name: 'Save calendar' }));

    expect(screen.getByLabelText('Closure 2: first day')).toHaveAccessibleDescription('There is no such day in the Jalali calendar.');
    expect(screen.getByLabelText('Term 1: last day')).toHaveAccessibleDescription('The last day is before the first day.');
    expect(api.callsTo('PUT /api/calendar')).toHaveLength(0);
  });

  it('should show the calendar read-only, without inputs or a save button, to an auditor', async () => {
    stubApi({ 'GET /api/calendar': () => SAVED });
    await renderApp({ route: '/calendar', lng: 'en', session: makeUser({ username: 'reader', role: 'auditor' }) });

    const terms = await screen.findByRole('region', { name: 'Terms' });
    expect(within(terms).getByRole('rowheader', { name: 'Autumn 1405' })).toBeInTheDocument();
    expect(within(terms).getByText('1405/07/01')).toBeInTheDocument();
    expect(screen.getByText('Only admins can change the calendar.')).toBeInTheDocument();
    expect(screen.queryByRole('textbox')).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Save calendar' })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Add closure' })).not.toBeInTheDocument();
  });

  it('should ask before leaving with unsaved changes and stay when asked to', async () => {
    stubApi({ 'GET /api/calendar': () => SAVED });
    const { user, router } = await renderApp({ route: '/calendar', lng: 'en' });

    await user.type(await screen.findByLabelText('Closure 1: name'), ' holidays');
    await user.click(screen.getByRole('link', { name: 'History' }));
    const dialog = await screen.findByRole('dialog', { name: 'Leave without saving?' });
    await user.click(within(dialog).getByRole('button', { name: 'Stay on the page' }));

    expect(router.state.location.pathname).toBe('/calendar');
    expect(screen.getByLabelText('Closure 1: name')).toHaveValue('Nowruz holidays');
  });
});
