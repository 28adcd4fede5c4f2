import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { CrmOutboxItem, RecordPage, StoredRecord } from '@hamgam/shared';
import { errorBody, reply, stubApi } from '../../../testing/fetch-stub';
import { makeSource, makeUser } from '../../../testing/fixtures';
import { renderApp } from '../../../testing/render';

const CONTACT_COLUMNS = ['mobile', 'nationalCode', 'stage', 'owner', 'studentNumber'];
const crmSource = () =>
  makeSource({
    id: 'crm',
    recordTables: [
      { id: 'contacts', columns: CONTACT_COLUMNS },
      { id: 'interactions', columns: ['kind'] },
    ],
  });

const contact = (overrides: Partial<StoredRecord['fields']> = {}): StoredRecord => ({
  key: 'c-1',
  name: 'مریم احمدی',
  fields: { mobile: '09121234567', nationalCode: '0012345679', stage: 'applicant', owner: 'نرگس', studentNumber: null, ...overrides },
  deletedAt: null,
  lastRunId: '3',
  updatedAt: '2026-11-23T10:30:00+03:30',
  history: null,
});
const contactsPage = (items: StoredRecord[]): RecordPage => ({
  items,
  total: items.length,
  page: 1,
  pageSize: 20,
  table: 'contacts',
  columns: CONTACT_COLUMNS,
});
const queued = (studentNumber: string | null): CrmOutboxItem => ({
  id: '7',
  table: 'contacts',
  recordId: 'c-1',
  data: { student_number: studentNumber },
  localUpdatedAt: '2026-12-05T20:00:00Z',
  status: 'pending',
  attempts: 0,
  lastError: null,
  createdBy: 'admin',
  createdAt: '2026-12-05T20:00:00Z',
  pushedAt: null,
});
const suggestion = { studentNumber: '40511110001', name: 'مریم احمدی', nationalCode: '0012345679', mobile: null, matchedBy: ['nationalCode'] };

function contactRow() {
  const table = screen.getByRole('table', { name: /رکوردهای/ });
  return within(table).getByRole('rowheader', { name: 'c-1' }).closest('tr')!;
}

async function rowOnceShown() {
  await screen.findByRole('rowheader', { name: 'c-1' });
  return contactRow();
}

async function openAndLink(user: Awaited<ReturnType<typeof renderApp>>['user']) {
  await user.click(await screen.findByRole('button', { name: 'پیوند «مریم احمدی» به یک دانشجو' }));
  const dialog = await screen.findByRole('dialog', { name: 'پیوند «مریم احمدی» به یک دانشجو' });
  await user.click(await within(dialog).findByRole('button', { name: 'پیوند به مریم احمدی' }));
}

/** Holds the link request until `release()`, so what shows before the answer can be checked. */
function holdLinks() {
  const stubbed = globalThis.fetch;
  let release!: () => void;
  const gate = new Promise<void>((resolve) => (release = resolve));
  vi.stubGlobal('fetch', async (input: RequestInfo | URL, init?: RequestInit) => {
    if (String(input).endsWith('/sources/crm/links')) await gate;
    return stubbed(input, init);
  });
  return () => release();
}

describe('linking a CRM contact to a student', () => {
  it('should show the link on the contact row before the server answers, and keep it from the outbox after', async () => {
    const outbox: CrmOutboxItem[] = [];
    const api = stubApi({
      'GET /api/sources/crm': crmSource,
      'GET /api/sources/crm/records': () => contactsPage([contact()]),
      'GET /api/sources/crm/outbox': () => outbox,
      'GET /api/sources/crm/contacts/c-1/suggestions': () => [suggestion],
      'POST /api/sources/crm/links': () => {
        outbox.push(queued('40511110001'));
        return reply(202, queued('40511110001'));
      },
    });
    const release = holdLinks();
    const { user } = await renderApp({ route: '/sources/crm/records' });
    await screen.findByRole('rowheader', { name: 'c-1' });
    expect(within(contactRow()).queryByText('۴۰۵۱۱۱۱۰۰۰۱')).not.toBeInTheDocument();

    await openAndLink(user);
    expect(await within(contactRow()).findByText('۴۰۵۱۱۱۱۰۰۰۱')).toBeInTheDocument();
    expect(api.callsTo('POST /api/sources/crm/links')).toHaveLength(0);

    release();
    await waitFor(() => expect(api.callsTo('POST /api/sources/crm/links')).toHaveLength(1));
    expect(api.callsTo('POST /api/sources/crm/links')[0].body).toEqual({ contactId: 'c-1', studentNumber: '40511110001' });
    // The stored contact still has no link (the next run pushes it): the row keeps it from the outbox.
    await waitFor(() => expect(api.callsTo('GET /api/sources/crm/records').length).toBeGreaterThan(1));
    expect(within(contactRow()).getByText('۴۰۵۱۱۱۱۰۰۰۱')).toBeInTheDocument();
    expect(within(contactRow()).queryByRole('alert')).not.toBeInTheDocument();
  });

  it('should put the row back and say why in Persian when the server refuses the student', async () => {
    const api = stubApi({
      'GET /api/sources/crm': crmSource,
      'GET /api/sources/crm/records': () => contactsPage([contact()]),
      'GET /api/sources/crm/outbox': () => [],
      'GET /api/sources/crm/contacts/c-1/suggestions': () => [suggestion],
      'POST /api/sources/crm/links': () =>
        reply(400, errorBody(400, 'studentNumber: no student has this number', { fields: { studentNumber: ['no student has this number'] } })),
    });
    const release = holdLinks();
    const { user } = await renderApp({ route: '/sources/crm/records' });
    await openAndLink(user);
    expect(await within(contactRow()).findByText('۴۰۵۱۱۱۱۰۰۰۱')).toBeInTheDocument();

    release();
    expect(await within(contactRow()).findByRole('alert')).toHaveTextContent('پیوند برگردانده شد: کارساز دانشجویی با این شماره ندارد.');
    expect(within(contactRow()).queryByText('۴۰۵۱۱۱۱۰۰۰۱')).not.toBeInTheDocument();
    // A refusal answers the same again: it is not retried.
    expect(api.callsTo('POST /api/sources/crm/links')).toHaveLength(1);
  });

  it.each([
    ['a network error', () => Promise.reject(new TypeError('Failed to fetch'))],
    [
      'a 503',
      () =>
        Promise.resolve(
          new Response(JSON.stringify(errorBody(503, 'the CRM is restarting')), { status: 503, headers: { 'Content-Type': 'application/json' } }),
        ),
    ],
  ])('should retry the link and show it with no error when the first attempt ends in %s', async (_name, firstAnswer) => {
    const outbox: CrmOutboxItem[] = [];
    const api = stubApi({
      'GET /api/sources/crm': crmSource,
      'GET /api/sources/crm/records': () => contactsPage([contact()]),
      'GET /api/sources/crm/outbox': () => outbox,
      'GET /api/sources/crm/contacts/c-1/suggestions': () => [suggestion],
      'POST /api/sources/crm/links': () => {
        outbox.push(queued('40511110001'));
        return reply(202, queued('40511110001'));
      },
    });
    const stubbed = globalThis.fetch;
    let attempts = 0;
    vi.stubGlobal('fetch', (input: RequestInfo | URL, init?: RequestInit) =>
      String(input).endsWith('/sources/crm/links') && ++attempts === 1 ? firstAnswer() : stubbed(input, init),
    );
    const { user } = await renderApp({ route: '/sources/crm/records' });
    await openAndLink(user);

    // The second attempt waits for the retry delay (a second).
    await waitFor(() => expect(api.callsTo('POST /api/sources/crm/links')).toHaveLength(1), { timeout: 5000 });
    expect(attempts).toBe(2);
    expect(await within(contactRow()).findByText('۴۰۵۱۱۱۱۰۰۰۱')).toBeInTheDocument();
    expect(within(contactRow()).queryByRole('alert')).not.toBeInTheDocument();
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('should invalidate exactly the contact lists, the student lists, the outbox, the conflicts and the card counts on success', async () => {
    stubApi({
      'GET /api/sources/crm': crmSource,
      'GET /api/sources/crm/records': () => contactsPage([contact()]),
      'GET /api/sources/crm/outbox': () => [],
      'GET /api/sources/crm/contacts/c-1/suggestions': () => [suggestion],
      'POST /api/sources/crm/links': () => reply(202, queued('40511110001')),
    });
    const { user, queryClient } = await renderApp({ route: '/sources/crm/records' });
    const invalidate = vi.spyOn(queryClient, 'invalidateQueries');
    await openAndLink(user);

    await waitFor(() => expect(invalidate).toHaveBeenCalledTimes(5));
    expect(invalidate.mock.calls.map(([filters]) => filters?.queryKey)).toEqual([
      ['records', 'list', 'crm'],
      ['records', 'list', 'students'],
      ['sources', 'data', 'crm', 'outbox'],
      ['sources', 'data', 'crm', 'conflicts'],
      ['sources', 'detail', 'crm', 'stats'],
    ]);
  });

  it('should find a student by national code in the dialog and link the contact to the one found', async () => {
    const found: StoredRecord = { ...contact(), key: '40511110009', name: 'رضا مرادی', fields: { nationalCode: '0098765432' } };
    const api = stubApi({
      'GET /api/sources/crm': crmSource,
      'GET /api/sources/crm/records': () => contactsPage([contact()]),
      'GET /api/sources/crm/outbox': () => [],
      'GET /api/sources/crm/contacts/c-1/suggestions': () => [],
      'GET /api/sources/students/records': () => ({ ...contactsPage([found]), table: 'students' }),
      'POST /api/sources/crm/links': () => reply(202, queued('40511110009')),
    });
    const { user } = await renderApp({ route: '/sources/crm/records' });
    await user.click(await screen.findByRole('button', { name: 'پیوند «مریم احمدی» به یک دانشجو' }));
    const dialog = await screen.findByRole('dialog');
    expect(await within(dialog).findByText('هیچ دانشجویی کد ملی یا شمارهٔ همراه این مخاطب را ندارد.')).toBeInTheDocument();

    await user.type(within(dialog).getByLabelText('یافتن دانشجو'), '0098765432');
    await user.click(within(dialog).getByRole('button', { name: 'جست‌وجو' }));
    await user.click(await within(dialog).findByRole('button', { name: 'پیوند به رضا مرادی' }));

    expect(api.callsTo('GET /api/sources/students/records')[0].query.get('q')).toBe('0098765432');
    await waitFor(() => expect(api.callsTo('POST /api/sources/crm/links')).toHaveLength(1));
    expect(api.callsTo('POST /api/sources/crm/links')[0].body).toEqual({ contactId: 'c-1', studentNumber: '40511110009' });
  });

  it('should unlink a linked contact with studentNumber null and show the row without a student at once', async () => {
    const api = stubApi({
      'GET /api/sources/crm': crmSource,
      'GET /api/sources/crm/records': () => contactsPage([contact({ studentNumber: '40511110001' })]),
      'GET /api/sources/crm/outbox': () => [],
      'GET /api/sources/crm/contacts/c-1/suggestions': () => [],
      'POST /api/sources/crm/links': () => reply(202, queued(null)),
    });
    holdLinks();
    const { user } = await renderApp({ route: '/sources/crm/records' });
    expect(await within(await rowOnceShown()).findByText('۴۰۵۱۱۱۱۰۰۰۱')).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'پیوند «مریم احمدی» به یک دانشجو' }));
    await user.click(within(await screen.findByRole('dialog')).getByRole('button', { name: 'برداشتن پیوند' }));

    await waitFor(() => expect(within(contactRow()).queryByText('۴۰۵۱۱۱۱۰۰۰۱')).not.toBeInTheDocument());
    expect(api.callsTo('POST /api/sources/crm/links')).toHaveLength(0);
  });

  it('should offer no link action to an auditor', async () => {
    stubApi({
      'GET /api/sources/crm': crmSource,
      'GET /api/sources/crm/records': () => contactsPage([contact()]),
      'GET /api/sources/crm/outbox': () => [],
    });
    await renderApp({ route: '/sources/crm/records', session: makeUser({ role: 'auditor' }) });
    await screen.findByRole('rowheader', { name: 'c-1' });
    expect(screen.queryByRole('button', { name: /به یک دانشجو/ })).not.toBeInTheDocument();
  });
});
