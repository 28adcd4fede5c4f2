import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { RunRejection } from '@hamgam/shared';
import { stubApi } from '../../../testing/fetch-stub';
import { makeCounts, makeRun } from '../../../testing/fixtures';
import { renderApp } from '../../../testing/render';

const run = makeRun({ id: '31', sourceId: 'students', status: 'success', counts: makeCounts({ fetched: 90, rejected: 45 }) });

const student = (n: number): RunRejection => ({
  key: `40311110${String(n).padStart(3, '0')}`,
  table: 'students',
  terms: ['4031', '4032'],
  reasons: [{ code: 'invalid_national_code', params: { value: `12345${n}` }, text: `The national code 12345${n} is not valid.` }],
});

function stubRun(rows: RunRejection[]) {
  return stubApi({
    'GET /api/runs/31': () => run,
    'GET /api/runs/31/log': () => ({ runId: '31', truncated: false, lines: [] }),
    'GET /api/runs/31/rejections': ({ query }) => {
      const q = query.get('q') ?? '';
      const page = Number(query.get('page') ?? 1);
      const pageSize = Number(query.get('pageSize') ?? 20);
      const matching = rows.filter((row) => row.key.includes(q) || row.reasons.some((reason) => String(reason.params.value ?? '').includes(q)));
      return { items: matching.slice((page - 1) * pageSize, page * pageSize), total: matching.length, page, pageSize };
    },
  });
}

describe('a run’s rejected records', () => {
  it('should show one row per key with its terms decoded, the reason in Persian and a link to the record when the UI is in Persian', async () => {
    stubRun([student(1), { key: 'تهران/4031 page 2 #5', table: null, terms: ['4031'], reasons: [{ code: 'missing_student_number', params: {}, text: 'x' }] }]);
    await renderApp({ route: '/runs/31', lng: 'fa' });

    const section = await screen.findByRole('region', { name: 'رکوردهای ردشده' });
    expect(await within(section).findByText('۲ رکورد رد شد')).toBeInTheDocument();
    const rows = within(section).getAllByRole('row');
    expect(rows).toHaveLength(3);
    expect(within(rows[1]).getAllByRole('cell')[1]).toHaveTextContent(/^نیمسال اول ۱۴۰۳، نیمسال دوم ۱۴۰۳$/);
    expect(within(rows[1]).getByText('کد ملی ۱۲۳۴۵۱ معتبر نیست (طول یا رقم کنترل آن نادرست است).')).toBeInTheDocument();
    expect(within(rows[1]).getByRole('link', { name: '40311110001' })).toHaveAttribute('href', '/sources/students/records?table=students&q=40311110001');
    expect(within(rows[2]).getByText('رکورد شماره دانشجویی ندارد.')).toBeInTheDocument();
    expect(within(rows[2]).queryByRole('link')).not.toBeInTheDocument();
    expect(within(section).getByRole('link', { name: 'خروجی CSV' })).toHaveAttribute('href', '/api/runs/31/rejections.csv?lang=fa');
  });

  it('should fall back to the server’s text when a code is not known here or the run was recorded before codes', async () => {
    stubRun([
      { key: 'a-1', table: null, terms: [], reasons: [{ code: 'brand_new_code', params: {}, text: 'brand_new_code' }] },
      { key: 'b-2', table: null, terms: [], reasons: [{ code: null, params: {}, text: 'invalid national code: 12' }] },
    ]);
    await renderApp({ route: '/runs/31', lng: 'en' });

    const section = await screen.findByRole('region', { name: 'Rejected records' });
    expect(await within(section).findByText('brand_new_code')).toBeInTheDocument();
    expect(within(section).getByText('invalid national code: 12')).toBeInTheDocument();
    expect(within(section).queryByRole('columnheader', { name: 'Terms' })).not.toBeInTheDocument();
  });

  it('should ask the server for the text searched and the page chosen, and export what the search matches', async () => {
    const api = stubRun(Array.from({ length: 45 }, (_, index) => student(index + 1)));
    const { user } = await renderApp({ route: '/runs/31', lng: 'en' });

    const section = await screen.findByRole('region', { name: 'Rejected records' });
    expect(await within(section).findByText('45 records rejected')).toBeInTheDocument();
    expect(within(section).getAllByRole('row')).toHaveLength(21);
    await user.click(within(section).getByRole('button', { name: 'Next' }));
    expect(await within(section).findByRole('link', { name: '40311110021' })).toBeInTheDocument();
    expect(api.callsTo('GET /api/runs/31/rejections').at(-1)?.query.get('page')).toBe('2');

    await user.type(within(section).getByRole('searchbox', { name: 'Search rejected records' }), '123457');
    await user.click(within(section).getByRole('button', { name: 'Search' }));

    expect(await within(section).findByText('1 record rejected')).toBeInTheDocument();
    const last = api.callsTo('GET /api/runs/31/rejections').at(-1)!;
    expect([last.query.get('q'), last.query.get('page')]).toEqual(['123457', '1']);
    expect(within(section).getByRole('link', { name: '40311110007' })).toBeInTheDocument();
    expect(within(section).getByRole('link', { name: 'Export CSV' })).toHaveAttribute('href', '/api/runs/31/rejections.csv?lang=en&q=123457');
  });
});
