import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { AuditEntry } from '@hamgam/shared';
import { stubApi } from '../../../testing/fetch-stub';
import { renderWithProviders } from '../../../testing/render';
import { AuditLog } from './audit-log';

const CALENDAR_CHANGE: AuditEntry = {
  id: '7',
  at: '2026-11-23T07:00:00.000Z',
  actor: 'admin',
  action: 'calendar.changed',
  target: 'calendar',
  ip: '127.0.0.1',
  details: { changes: { closures: { added: [{ name: 'تاسوعا و عاشورا', start: '1405-04-04', end: '1405-04-05' }], removed: [] } } },
};

describe('audit log calendar changes', () => {
  it('should name the calendar and list the closure added with its Jalali days when read in Persian', async () => {
    stubApi({ 'GET /api/audit': () => ({ items: [CALENDAR_CHANGE], total: 1, page: 1, pageSize: 50 }) });
    await renderWithProviders(<AuditLog />, { route: '/audit', lng: 'fa' });
    const row = within(await screen.findByRole('table')).getAllByRole('row')[1];

    expect(within(row).getByText('تغییر تقویم آموزشی')).toBeInTheDocument();
    expect(within(row).getByRole('link', { name: 'تقویم آموزشی' })).toHaveAttribute('href', '/calendar');
    expect(within(row).getByText('تعطیلی‌ها').closest('li')).toHaveTextContent('افزوده شد: تاسوعا و عاشورا ۱۴۰۵/۰۴/۰۴–۱۴۰۵/۰۴/۰۵');
  });
});
