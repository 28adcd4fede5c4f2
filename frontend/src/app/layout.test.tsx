import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { LANGUAGE_STORAGE_KEY } from '../lib/i18n';
import { stubApi } from '../testing/fetch-stub';
import { makeSource } from '../testing/fixtures';
import { renderApp } from '../testing/render';

describe('app layout', () => {
  it('should show the product name in Persian, right to left, when nothing is stored', async () => {
    stubApi({ 'GET /api/sources': () => [] });
    await renderApp();

    expect(screen.getByRole('link', { name: /همگام/ })).toBeInTheDocument();
    expect(await screen.findByRole('heading', { level: 1, name: 'منابع' })).toBeInTheDocument();
    expect(document.documentElement).toHaveAttribute('lang', 'fa');
    expect(document.documentElement).toHaveAttribute('dir', 'rtl');
  });

  it('should switch to English, left to right, and remember it when the language switch is clicked', async () => {
    stubApi({ 'GET /api/sources': () => [makeSource()] });
    const { user } = await renderApp();
    await screen.findByRole('article', { name: 'اعضای هیئت علمی' });

    await user.click(screen.getByRole('button', { name: 'English' }));

    expect(await screen.findByRole('article', { name: 'Faculty members' })).toBeInTheDocument();
    expect(screen.getByText('2026-11-23 10:30')).toBeInTheDocument();
    expect(document.documentElement).toHaveAttribute('lang', 'en');
    expect(document.documentElement).toHaveAttribute('dir', 'ltr');
    expect(localStorage.getItem(LANGUAGE_STORAGE_KEY)).toBe('en');

    await user.click(screen.getByRole('button', { name: 'فارسی' }));
    expect(document.documentElement).toHaveAttribute('dir', 'rtl');
    expect(localStorage.getItem(LANGUAGE_STORAGE_KEY)).toBe('fa');
  });

  it('should show the not-found page when the route is unknown', async () => {
    stubApi({});
    await renderApp({ route: '/nowhere', lng: 'en' });

    expect(screen.getByRole('heading', { level: 1, name: 'Page not found' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Back to the dashboard' })).toHaveAttribute('href', '/');
  });
});
