import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { RecordChange } from '@hamgam/shared';
import { stubApi } from '../../../testing/fetch-stub';
import { makeCounts, makeRun } from '../../../testing/fixtures';
import { renderApp } from '../../../testing/render';

const run = makeRun({ id: '42', sourceId: 'faculty', status: 'success', counts: makeCounts({ fetched: 30, inserted: 25, updated: 1, deleted: 1 }) });

const inserted = (n: number): RecordChange => ({ kind: 'inserted', table: 'members', key: `00${String(n).padStart(8, '0')}`, fields: [] });
const updated: RecordChange = {
  kind: 'updated',
  table: 'members',
  key: '2282371828',
  fields: [
    { field: 'lastName', before: 'کریمی', after: 'رضایی', isSensitive: false },
    { field: 'field', before: 'فیزیک', after: 'شیمی', isSensitive: false },
    { field: 'mobile', before: null, after: null, isSensitive: true },
  ],
};
const deleted: RecordChange = { kind: 'deleted', table: 'members', key: '0012345678', fields: [] };

function stubChanges(rows: RecordChange[]) {
  return stubApi({
    'GET /api/runs/42': () => run,
    'GET /api/runs/42/log': () => ({ runId: '42', truncated: false, lines: [] }),
    'GET /api/runs/42/rejections': () => ({ items: [], total: 0, page: 1, pageSize: 20 }),
    'GET /api/runs/42/changes': ({ query }) => {
      const kind = query.get('kind');
      const q = query.get('q') ?? '';
      const page = Number(query.get('page') ?? 1);
      const pageSize = Number(query.get('pageSize') ?? 20);
      const matching = rows.filter(
        (row) => (!kind || row.kind === kind) && (row.key.includes(q) || row.fields.some((f) => `${f.before}${f.after}`.includes(q))),
      );
      const totals = { inserted: 0, updated: 0, deleted: 0 };
      for (const row of rows) totals[row.kind] += 1;
      return { items: matching.slice((page - 1) * pageSize, page * pageSize), total: matching.length, page, pageSize, totals };
    },
  });
}

describe('a run’s changes', () => {
  it('should show an update’s fields with the records page’s names, old → new, and a sensitive field without values in Persian', async () => {
    stubChanges([updated, deleted]);
    await renderApp({ route: '/runs/42', lng: 'fa' });

    const section = await screen.findByRole('region', { name: 'تغییرها' });
    expect(await within(section).findByText('۲ تغییر')).toBeInTheDocument();
    const [first, second] = within(section).getAllByRole('listitem');
    expect(within(first).getByText('به‌روزشده')).toBeInTheDocument();
    expect(within(first).getByRole('link', { name: '۲۲۸۲۳۷۱۸۲۸' })).toHaveAttribute('href', '/sources/faculty/records?table=members&q=2282371828');
    // "field" is a column of the records page (its label reused); "lastName" is not (the source's `fields` label).
    expect(within(first).getByText('رشته')).toBeInTheDocument();
    expect(within(first).getByText('نام خانوادگی')).toBeInTheDocument();
    expect(within(first).getByText('کریمی').closest('del')).not.toBeNull();
    expect(within(first).getByText('رضایی').closest('ins')).not.toBeNull();
    expect(within(first).getByText('تغییر کرد (مقدارها نگه داشته نمی‌شوند)')).toBeInTheDocument();
    expect(within(second).getByText('حذف‌شده')).toBeInTheDocument();
  });

  it('should keep the kind, the search and the page in the URL and ask the server for them', async () => {
    const api = stubChanges([...Array.from({ length: 25 }, (_, index) => inserted(index + 1)), updated, deleted]);
    const { user, router } = await renderApp({ route: '/runs/42', lng: 'en' });
    const search = () => router.state.location.search;

    const section = await screen.findByRole('region', { name: 'Changes' });
    expect(await within(section).findByText('27 changes')).toBeInTheDocument();
    expect(within(section).getAllByRole('listitem')).toHaveLength(20);
    await user.click(within(section).getByRole('button', { name: 'Next' }));
    expect(await within(section).findByText('Deleted')).toBeInTheDocument();
    expect(api.callsTo('GET /api/runs/42/changes').at(-1)?.query.get('page')).toBe('2');
    expect(search()).toContain('changesPage=2');

    await user.selectOptions(within(section).getByRole('combobox', { name: 'Kind of change' }), 'Updated (1)');
    expect(await within(section).findByText('1 change')).toBeInTheDocument();
    expect(search()).toContain('changesKind=updated');
    expect(search()).not.toContain('changesPage');

    await user.type(within(section).getByRole('searchbox', { name: 'Search changes' }), 'nothing');
    await user.click(within(section).getByRole('button', { name: 'Search' }));
    expect(await within(section).findByText('No change matches these filters.')).toBeInTheDocument();
    const last = api.callsTo('GET /api/runs/42/changes').at(-1)!;
    expect([last.query.get('kind'), last.query.get('q'), last.query.get('page')]).toEqual(['updated', 'nothing', '1']);
  });

  it('should say so when the run changed nothing', async () => {
    stubChanges([]);
    await renderApp({ route: '/runs/42', lng: 'en' });

    const section = await screen.findByRole('region', { name: 'Changes' });
    expect(await within(section).findByText('This run changed no stored record.')).toBeInTheDocument();
    expect(within(section).queryByRole('searchbox')).not.toBeInTheDocument();
  });
});
