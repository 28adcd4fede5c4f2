import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { Page, RecordHistoryEntry, RecordPage } from '@hamgam/shared';
import { stubApi } from '../../../testing/fetch-stub';
import { makeSource } from '../../../testing/fixtures';
import { renderApp } from '../../../testing/render';

const MEMBER_COLUMNS = ['professorCode', 'personnelId', 'field', 'campusName', 'provinceName', 'mobile', 'email'];
const records: RecordPage = {
  items: [
    {
      key: '0012345679',
      name: 'علی کریمی',
      fields: { field: 'شیمی' },
      deletedAt: null,
      lastRunId: '7',
      updatedAt: '2026-11-23T10:30:00+03:30',
      history: null,
    },
  ],
  total: 1,
  page: 1,
  pageSize: 20,
  table: 'members',
  columns: MEMBER_COLUMNS,
};
const history: Page<RecordHistoryEntry> = {
  items: [
    {
      runId: '7',
      runStartedAt: '2026-11-23T10:30:00+03:30',
      kind: 'updated',
      table: 'members',
      key: '0012345679',
      fields: [
        { field: 'field', before: 'فیزیک', after: 'شیمی', isSensitive: false },
        { field: 'mobile', before: null, after: null, isSensitive: true },
      ],
    },
    { runId: '3', runStartedAt: '2026-11-20T08:00:00+03:30', kind: 'inserted', table: 'members', key: '0012345679', fields: [] },
  ],
  total: 2,
  page: 1,
  pageSize: 10,
};

describe('a record’s history of changes', () => {
  it('should ask for the history only when its dialog opens and list each run’s change, newest first, with field names and old → new', async () => {
    const api = stubApi({
      'GET /api/sources/faculty': () => makeSource({ id: 'faculty', recordTables: [{ id: 'members', columns: MEMBER_COLUMNS }] }),
      'GET /api/sources/faculty/records': () => records,
      'GET /api/sources/faculty/records/members/0012345679/changes': () => history,
    });
    const { user } = await renderApp({ route: '/sources/faculty/records', lng: 'en' });

    const open = await screen.findByRole('button', { name: 'History of changes' });
    expect(api.callsTo('GET /api/sources/faculty/records/members/0012345679/changes')).toHaveLength(0);
    await user.click(open);

    const dialog = await screen.findByRole('dialog', { name: 'Changes of \u2068علی کریمی\u2069 (0012345679)' });
    const list = await within(dialog).findByRole('list', { name: 'Changes of 0012345679 across runs, newest first' });
    const [updated, inserted] = within(list).getAllByRole('listitem');
    expect(within(updated).getByText('Updated')).toBeInTheDocument();
    expect(within(updated).getByRole('link', { name: 'Run 7' })).toHaveAttribute('href', '/runs/7');
    expect(within(updated).getByText('Field')).toBeInTheDocument();
    expect(within(updated).getByText('فیزیک').closest('del')).not.toBeNull();
    expect(within(updated).getByText('changed (values are not kept)')).toBeInTheDocument();
    expect(within(inserted).getByText('Inserted')).toBeInTheDocument();
    expect(within(inserted).getByRole('link', { name: 'Run 3' })).toBeInTheDocument();
    await user.click(within(dialog).getByRole('button', { name: 'Close' }));
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
  });
});
