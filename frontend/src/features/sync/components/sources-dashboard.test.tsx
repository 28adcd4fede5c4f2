import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { errorBody, reply, stubApi } from '../../../testing/fetch-stub';
import { makeLegacySource, makeSource } from '../../../testing/fixtures';
import { renderApp } from '../../../testing/render';

function card(name: string | RegExp) {
  return screen.getByRole('article', { name });
}

describe('sources dashboard', () => {
  it('should show a card with a Jalali date and Persian digits when the language is fa', async () => {
    stubApi({ 'GET /api/sources': () => [makeSource()] });
    await renderApp();

    const faculty = await screen.findByRole('article', { name: 'اعضای هیئت علمی' });
    expect(within(faculty).getByRole('heading', { level: 2, name: 'اعضای هیئت علمی' })).toBeInTheDocument();
    expect(within(faculty).getByText('۱۴۰۵/۰۹/۰۲ ۱۰:۳۰')).toBeInTheDocument();
    expect(within(faculty).getByText('۲ دقیقه و ۵ ثانیه')).toBeInTheDocument();
    expect(within(faculty).getByText('۱٬۲۳۴')).toBeInTheDocument();
    expect(within(faculty).getByText('موفق')).toBeInTheDocument();
    expect(within(faculty).getByText('نسخهٔ نمایشی')).toHaveAccessibleDescription(/درگاه نمایشی/);
    expect(within(faculty).getByRole('button', { name: 'همگام‌سازی' })).toBeEnabled();
    expect(document.documentElement).toHaveAttribute('dir', 'rtl');
  });

  it('should show the Gregorian date and English names when the language is en', async () => {
    stubApi({ 'GET /api/sources': () => [makeSource()] });
    await renderApp({ lng: 'en' });

    const faculty = await screen.findByRole('article', { name: 'Faculty members' });
    expect(within(faculty).getByText('2026-11-23 10:30')).toBeInTheDocument();
    expect(within(faculty).getByText('2 min 5 s')).toBeInTheDocument();
    expect(within(faculty).getByText('1,234')).toBeInTheDocument();
    expect(within(faculty).getByRole('button', { name: 'Sync' })).toBeInTheDocument();
    expect(document.documentElement).toHaveAttribute('dir', 'ltr');
  });

  it('should say in words what failed, with the action and the error text under details, when the last run failed', async () => {
    stubApi({ 'GET /api/sources': () => [makeSource(), makeLegacySource()] });
    await renderApp();

    const legacy = await screen.findByRole('article', { name: 'اسکریپت قدیمی اعضای هیئت علمی' });
    expect(within(legacy).getByText('ناموفق')).toBeInTheDocument();
    expect(within(legacy).getByText('دسترسی به سامانه‌ای که اسکریپت می‌خواند ممکن نشد: اتصال رد یا قطع شد.')).toBeInTheDocument();
    expect(within(legacy).getByRole('link', { name: 'نشانی را در تنظیمات ← اتصال بررسی کنید' })).toBeInTheDocument();
    expect(within(legacy).getByText('connect ECONNREFUSED 127.0.0.1:3101')).toBeInTheDocument();
    expect(within(legacy).getByText('python3 faculty_main.py')).toBeInTheDocument();
    expect(within(legacy).queryByText('نسخهٔ نمایشی')).not.toBeInTheDocument();
  });

  it('should fall back to the source id when a source has no translated name', async () => {
    stubApi({ 'GET /api/sources': () => [makeSource({ id: 'library', lastRun: null, isStandIn: false })] });
    await renderApp({ lng: 'en' });

    const library = await screen.findByRole('article', { name: 'library' });
    expect(within(library).getByText('This source has not been synced yet.')).toBeInTheDocument();
  });

  it('should list the recent runs of a source and link to the run when the section is opened', async () => {
    const api = stubApi({
      'GET /api/sources': () => [makeSource()],
      'GET /api/runs': () => ({ items: [makeSource().lastRun], total: 1, page: 1, pageSize: 10 }),
    });
    const { user } = await renderApp();

    await user.click(await screen.findByRole('button', { name: 'اجراهای اخیر' }));
    const table = await within(card('اعضای هیئت علمی')).findByRole('table');
    expect(within(table).getByRole('link', { name: 'اجرای ۱۲' })).toHaveAttribute('href', '/runs/12');
    expect(api.callsTo('GET /api/runs')[0].query.toString()).toBe('sourceId=faculty&pageSize=10');
  });

  it('should show the server problem once in the banner when the sources answer 500', async () => {
    stubApi({ 'GET /api/sources': () => reply(500, errorBody(500, 'boom')) });
    await renderApp({ lng: 'en' });

    expect(await screen.findByText('The server answered with an error (500). Please try again in a moment.')).toBeInTheDocument();
    expect(screen.getByText('The sources could not be loaded.')).toBeInTheDocument();
  });

  it("should open a source's settings on the tab a failed run links to, and drop the link when closed", async () => {
    stubApi({ 'GET /api/sources': () => [makeSource()], 'GET /api/schedules': () => ({ config: null, items: [] }) });
    const { user, router } = await renderApp({ route: '/?settings=faculty&tab=connection', lng: 'en' });

    const dialog = await screen.findByRole('dialog', { name: 'Settings of “Faculty members”' });
    expect(within(dialog).getByRole('tab', { name: 'Connection' })).toHaveAttribute('aria-selected', 'true');
    await user.keyboard('{Escape}');

    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(router.state.location.search).toBe('');
  });
});
