import { act, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { CrmConflict, CrmOutboxItem } from '@hamgam/shared';
import { FakeEventSource } from '../../../testing/fake-event-source';
import { errorBody, reply, stubApi } from '../../../testing/fetch-stub';
import { makeSource, makeUser } from '../../../testing/fixtures';
import { renderApp } from '../../../testing/render';

const conflict = (overrides: Partial<CrmConflict> = {}): CrmConflict => ({
  id: '5',
  table: 'contacts',
  recordId: 'c-1',
  local: { full_name: 'مریم احمدی', student_number: '40511110001', stage: 'applicant' },
  server: { full_name: 'مریم احمدی', student_number: null, stage: 'student' },
  localUpdatedAt: '2026-12-05T20:00:00Z',
  serverUpdatedAt: '2026-12-05T20:05:00Z',
  status: 'open',
  resolution: null,
  resolvedBy: null,
  resolvedAt: null,
  reason: null,
  ...overrides,
});
const failedPush: CrmOutboxItem = {
  id: '9',
  table: 'contacts',
  recordId: 'c-2',
  data: { student_number: '40511110002' },
  localUpdatedAt: '2026-12-05T20:00:00Z',
  status: 'pending',
  attempts: 2,
  lastError: 'CRM answered 503',
  createdBy: 'admin',
  createdAt: '2026-12-05T20:00:00Z',
  pushedAt: null,
};

function routes(open: CrmConflict[], resolved: CrmConflict[] = []) {
  return {
    'GET /api/sources/crm': () => makeSource({ id: 'crm' }),
    'GET /api/sources/crm/outbox': () => [failedPush],
    'GET /api/sources/crm/conflicts': ({ query }: { query: URLSearchParams }) => (query.get('status') === 'resolved' ? resolved : open),
  };
}

describe('CRM page', () => {
  it('should show the outbox with attempts and the last error', async () => {
    stubApi(routes([]));
    await renderApp({ route: '/crm' });
    const outbox = await screen.findByRole('table', { name: 'صف ارسال' });
    const row = within(outbox).getAllByRole('row')[1];
    expect(row).toHaveTextContent('پیوند مخاطب c-2 به دانشجوی ۴۰۵۱۱۱۱۰۰۰۲');
    expect(row).toHaveTextContent('در انتظار');
    expect(row).toHaveTextContent('۲');
    expect(row).toHaveTextContent('CRM answered 503');
  });

  it('should compare an open conflict field by field, mark the differing fields and keep ours with the reason', async () => {
    let open = [conflict()];
    const api = stubApi({
      ...routes([]),
      'GET /api/sources/crm/conflicts': ({ query }) => (query.get('status') === 'resolved' ? [] : open),
      'POST /api/sources/crm/conflicts/5/resolve': () => {
        open = [];
        return conflict({ status: 'resolved', resolution: 'accept_client', resolvedBy: 'admin' });
      },
    });
    const { user } = await renderApp({ route: '/crm' });
    await user.click(await screen.findByRole('button', { name: 'مقایسهٔ کنار هم' }));
    const dialog = await screen.findByRole('dialog', { name: 'ناسازگاری در مخاطبان c-1' });
    expect(dialog).toHaveTextContent('۲ فیلد متفاوت است.');
    const compare = within(dialog).getByRole('table', { name: 'نسخهٔ ما و نسخهٔ CRM، فیلد به فیلد' });
    const stage = within(compare).getByRole('rowheader', { name: /مرحله/ }).closest('tr')!;
    expect(within(stage).getByText('متفاوت')).toBeInTheDocument();
    expect(within(stage).getByText('متقاضی')).toBeInTheDocument();
    expect(within(stage).getByText('دانشجو')).toBeInTheDocument();
    const name = within(compare)
      .getByRole('rowheader', { name: /نام کامل/ })
      .closest('tr')!;
    expect(within(name).queryByText('متفاوت')).not.toBeInTheDocument();

    await user.type(within(dialog).getByLabelText('دلیل (اختیاری)'), 'شماره را بررسی کردم');
    await user.click(within(dialog).getByRole('button', { name: 'نگه‌داشتن نسخهٔ ما' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(api.callsTo('POST /api/sources/crm/conflicts/5/resolve')[0].body).toEqual({ resolution: 'accept_client', reason: 'شماره را بررسی کردم' });
    expect(await screen.findByText('هیچ ناسازگاری‌ای منتظر تصمیم نیست.')).toBeInTheDocument();
  });

  it('should invalidate exactly the conflicts, the outbox, the card counts and the CRM record lists when a conflict is resolved', async () => {
    stubApi({ ...routes([conflict()]), 'POST /api/sources/crm/conflicts/5/resolve': () => conflict({ status: 'resolved', resolution: 'accept_server' }) });
    const { user, queryClient } = await renderApp({ route: '/crm' });
    await user.click(await screen.findByRole('button', { name: 'مقایسهٔ کنار هم' }));
    const invalidate = vi.spyOn(queryClient, 'invalidateQueries');
    await user.click(within(await screen.findByRole('dialog')).getByRole('button', { name: 'نگه‌داشتن نسخهٔ CRM' }));

    await waitFor(() => expect(invalidate).toHaveBeenCalledTimes(4));
    expect(invalidate.mock.calls.map(([filters]) => filters?.queryKey)).toEqual([
      ['sources', 'data', 'crm', 'conflicts'],
      ['sources', 'data', 'crm', 'outbox'],
      ['sources', 'detail', 'crm', 'stats'],
      ['records', 'list', 'crm'],
    ]);
  });

  it('should keep the dialog open with a translated message when someone resolved the conflict already', async () => {
    stubApi({ ...routes([conflict()]), 'POST /api/sources/crm/conflicts/5/resolve': () => reply(409, errorBody(409, 'CRM conflict 5 is already resolved')) });
    const { user } = await renderApp({ route: '/crm' });
    await user.click(await screen.findByRole('button', { name: 'مقایسهٔ کنار هم' }));
    const dialog = await screen.findByRole('dialog');
    await user.click(within(dialog).getByRole('button', { name: 'نگه‌داشتن نسخهٔ CRM' }));
    expect(await within(dialog).findByRole('alert')).toHaveTextContent('کسی پیش‌تر این ناسازگاری را حل کرده است.');
  });

  it('should show who resolved a conflict and how, and offer an auditor no decision', async () => {
    const resolved = conflict({ status: 'resolved', resolution: 'accept_server', resolvedBy: 'lww', resolvedAt: '2026-12-05T20:06:00Z' });
    stubApi(routes([conflict()], [resolved]));
    const { user } = await renderApp({ route: '/crm', session: makeUser({ role: 'auditor' }) });
    await user.click(await screen.findByRole('tab', { name: 'حل‌شده' }));
    expect(await screen.findByText('نسخهٔ CRM نگه داشته شد (سیاست «آخرین تغییر برنده است»)')).toBeInTheDocument();
    await user.click(screen.getByRole('tab', { name: 'باز' }));
    await user.click(await screen.findByRole('button', { name: 'مقایسهٔ کنار هم' }));
    const dialog = await screen.findByRole('dialog');
    expect(within(dialog).queryByRole('button', { name: 'نگه‌داشتن نسخهٔ ما' })).not.toBeInTheDocument();
  });

  it("should show a conflict another admin's run opened, without a reload, when the server says the conflicts changed", async () => {
    FakeEventSource.reset();
    vi.stubGlobal('EventSource', FakeEventSource);
    let open: CrmConflict[] = [];
    const api = stubApi({ ...routes([]), 'GET /api/sources/crm/conflicts': ({ query }) => (query.get('status') === 'resolved' ? [] : open) });
    await renderApp({ route: '/crm' });
    expect(await screen.findByText('هیچ ناسازگاری‌ای منتظر تصمیم نیست.')).toBeInTheDocument();
    act(() => FakeEventSource.latest().open());

    open = [conflict()];
    act(() => FakeEventSource.latest().emit({ type: 'source.data-changed', sourceId: 'crm', parts: ['conflicts'] }));

    expect(await screen.findByRole('button', { name: 'مقایسهٔ کنار هم' })).toBeInTheDocument();
    // Only the part that changed is asked for again.
    expect(api.callsTo('GET /api/sources/crm/outbox')).toHaveLength(1);
  });
});
