import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { HeldDeletion, SyncRun } from '@hamgam/shared';
import { errorBody, reply, stubApi } from '../../../testing/fetch-stub';
import { makeCounts, makeRun, makeUser } from '../../../testing/fixtures';
import { renderApp } from '../../../testing/render';

const held = makeRun({ id: '40', status: 'awaiting_approval', heldDeletions: 25, counts: makeCounts({ fetched: 100, unchanged: 100 }) });

const member = (n: number): HeldDeletion => ({
  table: 'members',
  key: `00123456${String(n).padStart(2, '0')}`,
  values: { firstName: 'مریم', lastName: `احمدی ${n}`, mobile: null },
});

function stubRun(run: () => SyncRun, rows: HeldDeletion[], decide: Record<string, () => unknown> = {}) {
  return stubApi({
    'GET /api/runs/40': run,
    'GET /api/runs/40/log': () => ({ runId: '40', truncated: false, lines: [] }),
    'GET /api/runs/40/rejections': () => ({ items: [], total: 0, page: 1, pageSize: 20 }),
    'GET /api/runs/40/held-deletions': ({ query }) => {
      const q = query.get('q') ?? '';
      const page = Number(query.get('page') ?? 1);
      const pageSize = Number(query.get('pageSize') ?? 20);
      const matching = rows.filter((row) => row.key.includes(q) || Object.values(row.values).some((value) => String(value).includes(q)));
      return { items: matching.slice((page - 1) * pageSize, page * pageSize), total: matching.length, page, pageSize };
    },
    ...decide,
  });
}

const rows = Array.from({ length: 25 }, (_, i) => member(i + 1));

describe('the held deletions of a run', () => {
  it('should list the held records with their last known values, paged and searchable, when the run awaits approval', async () => {
    stubRun(() => held, rows);
    const { user } = await renderApp({ route: '/runs/40', lng: 'fa' });

    const section = await screen.findByRole('region', { name: 'حذف‌های در انتظار تأیید' });
    expect(within(section).getByText(/این اجرا ۲۵ رکورد را حذف می‌کرد/)).toBeInTheDocument();
    expect(await within(section).findByText('۲۵ رکورد')).toBeInTheDocument();
    expect(within(section).getAllByRole('row')).toHaveLength(21);
    expect(within(section).getByText('احمدی 1')).toBeInTheDocument();
    expect(within(section).getAllByText('نام خانوادگی:')[0]).toBeInTheDocument();

    await user.type(within(section).getByRole('searchbox', { name: 'جست‌وجو در رکوردهای نگه‌داشته' }), 'احمدی 7');
    await user.click(within(section).getByRole('button', { name: 'جست‌وجو' }));

    expect(await within(section).findByText('۱ رکورد')).toBeInTheDocument();
    expect(within(section).getAllByRole('row')).toHaveLength(2);
  });

  it('should post the approval with its reason and show what was deleted when the admin approves', async () => {
    let run: SyncRun = held;
    const api = stubRun(() => run, rows, {
      'POST /api/runs/40/approve-deletions': () => {
        run = {
          ...held,
          status: 'success',
          deletionDecision: { kind: 'approved', by: 'admin', reason: 'checked', at: '2026-11-23T11:00:00+03:30', applied: 24 },
        };
        return run;
      },
    });
    const { user } = await renderApp({ route: '/runs/40', lng: 'en' });
    const section = await screen.findByRole('region', { name: 'Deletions held for approval' });

    await user.type(within(section).getByRole('textbox', { name: 'Reason (optional)' }), 'checked');
    await user.click(within(section).getByRole('button', { name: 'Approve and delete 25 records' }));

    expect(await within(section).findByText(/Approved by admin on .*: 24 records deleted/)).toBeInTheDocument();
    expect(api.callsTo('POST /api/runs/40/approve-deletions')[0].body).toEqual({ reason: 'checked' });
    expect(within(section).queryByRole('button', { name: /Approve/ })).not.toBeInTheDocument();
  });

  it('should post a discard and say nothing was deleted when the admin discards', async () => {
    let run: SyncRun = held;
    const api = stubRun(() => run, rows, {
      'POST /api/runs/40/discard-deletions': () => {
        run = { ...held, status: 'success', deletionDecision: { kind: 'discarded', by: 'admin', reason: null, at: '2026-11-23T11:00:00+03:30', applied: 0 } };
        return run;
      },
    });
    const { user } = await renderApp({ route: '/runs/40', lng: 'en' });
    const section = await screen.findByRole('region', { name: 'Deletions held for approval' });

    await user.click(within(section).getByRole('button', { name: 'Discard: delete nothing' }));

    expect(await within(section).findByText(/Discarded by admin on .*: nothing was deleted/)).toBeInTheDocument();
    expect(api.callsTo('POST /api/runs/40/discard-deletions')[0].body).toEqual({});
  });

  it('should say the deletions were already decided when the server answers 409', async () => {
    stubRun(() => held, rows, {
      'POST /api/runs/40/approve-deletions': () => reply(409, errorBody(409, 'run 40 is success, not awaiting approval of deletions')),
    });
    const { user } = await renderApp({ route: '/runs/40', lng: 'en' });
    const section = await screen.findByRole('region', { name: 'Deletions held for approval' });

    await user.click(within(section).getByRole('button', { name: 'Approve and delete 25 records' }));

    expect(await within(section).findByRole('alert')).toHaveTextContent('These deletions were already decided or superseded by a newer run');
  });

  it('should show the list but no decision buttons to an auditor', async () => {
    stubRun(() => held, rows);
    await renderApp({ route: '/runs/40', lng: 'en', session: makeUser({ role: 'auditor', username: 'auditor' }) });
    const section = await screen.findByRole('region', { name: 'Deletions held for approval' });

    expect(await within(section).findByText('25 records')).toBeInTheDocument();
    expect(within(section).queryByRole('button', { name: /Approve|Discard/ })).not.toBeInTheDocument();
  });

  it('should mark a dry run and show no held-deletions panel when the run held nothing', async () => {
    stubRun(() => makeRun({ id: '40', dryRun: true }), []);
    await renderApp({ route: '/runs/40', lng: 'en' });

    expect(await screen.findAllByText('Dry run')).not.toHaveLength(0);
    expect(screen.queryByRole('region', { name: 'Deletions held for approval' })).not.toBeInTheDocument();
  });
});
