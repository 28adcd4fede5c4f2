import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { stubApi } from '../../../testing/fetch-stub';
import { renderApp } from '../../../testing/render';

describe('audit trail page', () => {
  it.each([
    ['en', 'Export CSV', 'Export Excel'],
    ['fa', 'خروجی CSV', 'خروجی اکسل'],
  ] as const)('should offer CSV and XLSX exports of the filtered trail in the UI language when the page is in %s', async (lng, csv, xlsx) => {
    stubApi({ 'GET /api/audit': () => ({ items: [], total: 0, page: 1, pageSize: 50 }) });
    await renderApp({ route: '/audit?action=login.failed&page=2', lng });

    expect(await screen.findByRole('link', { name: csv })).toHaveAttribute('href', `/api/audit/export.csv?action=login.failed&lang=${lng}`);
    expect(screen.getByRole('link', { name: xlsx })).toHaveAttribute('href', `/api/audit/export.xlsx?action=login.failed&lang=${lng}`);
  });
});
