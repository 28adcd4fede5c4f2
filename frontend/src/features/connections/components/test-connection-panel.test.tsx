import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { ConnectionTestResult } from '@hamgam/shared';
import { errorBody, reply, stubApi } from '../../../testing/fetch-stub';
import { renderWithProviders } from '../../../testing/render';
import { TestConnectionPanel } from './test-connection-panel';

const NEEDED = [
  'core_webservice_get_site_info',
  'core_course_get_categories',
  'core_course_get_courses_by_field',
  'core_course_get_contents',
  'core_enrol_get_enrolled_users',
];

function result(overrides: Partial<ConnectionTestResult> = {}): ConnectionTestResult {
  return {
    isOk: true,
    errorKind: null,
    message: null,
    system: { name: 'سامانهٔ آموزش مجازی دانشگاه', version: '4.3 (Build: 20231009)', url: 'https://lms.example.ac.ir', user: 'hamgam.sync' },
    checks: NEEDED.map((name) => ({ name, isAllowed: true })),
    testedAt: '2026-11-23T10:30:00+03:30',
    durationMs: 120,
    ...overrides,
  };
}

describe('TestConnectionPanel', () => {
  it('should show the site name, release and allowed functions in Persian when the test passes', async () => {
    const api = stubApi({ 'POST /api/sources/moodle/test-connection': () => result() });
    const { user } = await renderWithProviders(<TestConnectionPanel sourceId="moodle" />);

    await user.click(screen.getByRole('button', { name: 'آزمایش اتصال' }));

    expect(await screen.findByText('سامانهٔ آموزش مجازی دانشگاه')).toBeInTheDocument();
    expect(screen.getByText('4.3 (Build: 20231009)')).toBeInTheDocument();
    expect(screen.getByText('۵ از ۵ تابع لازم مجاز است')).toBeInTheDocument();
    const list = screen.getByRole('list', { name: 'توابع وب‌سرویس لازم برای همگام‌سازی' });
    expect(within(list).getAllByRole('listitem')).toHaveLength(5);
    expect(screen.getByText('۱۴۰۵/۰۹/۰۲ ۱۰:۳۰:۰۰', { exact: false })).toBeInTheDocument();
    expect(api.callsTo('POST /api/sources/moodle/test-connection')[0].body).toEqual({});
  });

  it('should send the unsaved settings and mark the functions the token may not call when the test fails', async () => {
    const failed = result({
      isOk: false,
      errorKind: 'auth',
      message: "the token's web service does not allow core_course_get_contents",
      checks: NEEDED.map((name) => ({ name, isAllowed: name !== 'core_course_get_contents' })),
    });
    const api = stubApi({ 'POST /api/sources/moodle/test-connection': () => failed });
    const { user } = await renderWithProviders(
      <TestConnectionPanel sourceId="moodle" connection={{ baseUrl: 'https://lms.example.ac.ir', token: 'typed' }} />,
      { lng: 'en' },
    );

    await user.click(screen.getByRole('button', { name: 'Test connection' }));

    expect(await screen.findByText('The test failed (Authentication error).')).toBeInTheDocument();
    expect(screen.getByText(/does not allow core_course_get_contents/)).toBeInTheDocument();
    expect(screen.getByText('4 of 5 needed functions allowed')).toBeInTheDocument();
    const denied = screen.getAllByRole('listitem').find((item) => item.textContent?.includes('core_course_get_contents'));
    expect(denied).toHaveTextContent('not allowed');
    expect(api.callsTo('POST /api/sources/moodle/test-connection')[0].body).toEqual({ connection: { baseUrl: 'https://lms.example.ac.ir', token: 'typed' } });
  });

  it('should show the server message when the request itself is refused', async () => {
    stubApi({ 'POST /api/sources/moodle/test-connection': () => reply(400, errorBody(400, 'connection.baseUrl: baseUrl must be an http(s) URL')) });
    const { user } = await renderWithProviders(<TestConnectionPanel sourceId="moodle" />, { lng: 'en' });

    await user.click(screen.getByRole('button', { name: 'Test connection' }));

    expect(await screen.findByRole('alert')).toHaveTextContent('baseUrl must be an http(s) URL');
  });
});
