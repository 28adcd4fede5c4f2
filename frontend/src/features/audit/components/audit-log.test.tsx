import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { AuditEntry } from '@hamgam/shared';
import { stubApi } from '../../../testing/fetch-stub';
import { renderApp, renderWithProviders } from '../../../testing/render';
import { AuditLog } from './audit-log';

function entry(id: string, target: string, changes: Record<string, unknown>): AuditEntry {
  return { id, at: '2026-11-23T07:00:00.000Z', actor: 'admin', action: 'settings.changed', target, ip: '127.0.0.1', details: { changes } };
}

const ENTRIES: AuditEntry[] = [
  entry('3', 'source:faculty', {
    'autoSync.enabled': { before: false, after: true },
    'autoSync.every': { before: 1, after: 6 },
    'autoSync.unit': { before: 'days', after: 'hours' },
    'autoSync.quietWindow.start': { before: null, after: '08:00' },
    'autoSync.quietWindow.days': { added: [0, 6], removed: [3] },
    'connection.password': 'changed',
  }),
  entry('2', 'source:students', { 'options.campuses': { added: [{ code: '9901', name: 'پردیس تازه' }], removed: [{ code: '1', name: 'تهران' }] } }),
  entry('1', 'source:faculty', {}),
];

async function detailsOf(lng: 'fa' | 'en') {
  stubApi({ 'GET /api/audit': () => ({ items: ENTRIES, total: ENTRIES.length, page: 1, pageSize: 50 }) });
  await renderWithProviders(<AuditLog />, { route: '/audit', lng });
  const table = await screen.findByRole('table');
  return within(table)
    .getAllByRole('row')
    .slice(1)
    .map((row) => within(row).getAllByRole('cell').at(-1)!);
}

describe('audit log settings diffs', () => {
  it('should show each changed setting translated, old → new, lists as added and removed lines, secrets as changed when in English', async () => {
    const [schedule, campuses, empty] = await detailsOf('en');

    const line = (label: string) => within(schedule).getByText(label).closest('li');
    expect(line('Automatic sync')).toHaveTextContent('Automatic sync: off → on');
    expect(line('Interval')).toHaveTextContent('Interval: 1 → 6');
    expect(line('Interval unit')).toHaveTextContent('Interval unit: days → hours');
    expect(line('Quiet window from')).toHaveTextContent('Quiet window from: none → 08:00');
    expect(
      within(line('Quiet window days')!)
        .getAllByRole('listitem')
        .map((item) => item.textContent),
    ).toEqual(['added: Sat, Sun', 'removed: Wed']);
    expect(line('Password')).toHaveTextContent('Password: changed');
    expect(within(schedule).getAllByRole('img', { name: 'changed to' })).toHaveLength(4);
    expect(within(campuses).getByText('added: 9901 پردیس تازه')).toBeInTheDocument();
    expect(within(campuses).getByText('removed: 1 تهران')).toBeInTheDocument();
    expect(within(campuses).getByText('Campuses', { exact: false })).toBeInTheDocument();
    expect(within(empty).getByText('No details were recorded for this change.')).toBeInTheDocument();
  });

  it('should show the same diff in Persian, with Persian digits and the arrow pointing the way the line is read', async () => {
    const [schedule, campuses] = await detailsOf('fa');
    const line = (label: string) => within(schedule).getByText(label).closest('li');

    expect(line('همگام‌سازی خودکار')).toHaveTextContent('همگام‌سازی خودکار: خاموش ← روشن');
    expect(line('فاصلهٔ اجراها')).toHaveTextContent('فاصلهٔ اجراها: ۱ ← ۶');
    expect(line('واحد فاصله')).toHaveTextContent('واحد فاصله: روز ← ساعت');
    expect(line('بازهٔ سکوت از ساعت')).toHaveTextContent('بازهٔ سکوت از ساعت: هیچ ← ۰۸:۰۰');
    expect(within(schedule).getByText('افزوده شد: شنبه و یکشنبه')).toBeInTheDocument();
    expect(within(schedule).getByText('حذف شد: چهارشنبه')).toBeInTheDocument();
    expect(line('گذرواژه')).toHaveTextContent('گذرواژه: تغییر کرد');
    expect(within(campuses).getByText('افزوده شد: 9901 پردیس تازه')).toBeInTheDocument();
    expect(within(campuses).getByText('حذف شد: 1 تهران')).toBeInTheDocument();
  });
});

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

describe('audit log targets and details', () => {
  it('should name the target and translate the details of a sync start in Persian, never as codes', async () => {
    const started: AuditEntry = {
      id: '9',
      at: '2026-11-23T07:00:00.000Z',
      actor: 'admin',
      action: 'sync.triggered',
      target: 'run:12',
      ip: '127.0.0.1',
      details: { sourceId: 'students', trigger: 'manual', mode: 'recent', reason: 'ترم جدید' },
    };
    const settings = entry('8', 'source:faculty', { enabled: { before: true, after: false } });
    stubApi({ 'GET /api/audit': () => ({ items: [started, settings], total: 2, page: 1, pageSize: 50 }) });
    await renderWithProviders(<AuditLog />, { route: '/audit', lng: 'fa' });

    const [, first, second] = within(await screen.findByRole('table')).getAllByRole('row');
    expect(within(first).getByRole('link', { name: 'اجرای ۱۲' })).toHaveAttribute('href', '/runs/12');
    const details = within(first).getAllByRole('cell').at(-1)!;
    expect(
      within(details)
        .getAllByRole('listitem')
        .map((item) => item.textContent),
    ).toEqual(['منبع: دانشجویان', 'نوع شروع: دستی', 'گسترهٔ همگام‌سازی: اخیر', 'دلیل: ترم جدید']);
    expect(within(second).getByText('منبع «اعضای هیئت علمی»')).toBeInTheDocument();
    expect(document.querySelector('td[dir]')).toBeNull();
  });
});
