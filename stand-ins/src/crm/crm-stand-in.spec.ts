import { startCrmStandIn, type CrmStandIn } from './crm-stand-in';

type Change = { table_name: string; record_id: string; data: Record<string, unknown>; server_updated_at: string; is_deleted: boolean };
type PullAnswer = { changes: Change[]; has_more: boolean; next_cursor: string | null };

const EPOCH = '1970-01-01T00:00:00.000Z';

describe('CRM stand-in over HTTP', () => {
  let crm: CrmStandIn;
  let token: string;

  const call = (method: string, path: string, body?: unknown, bearer: string | null = token): Promise<Response> =>
    fetch(`${crm.url}${path}`, {
      method,
      headers: { 'content-type': 'application/json', ...(bearer ? { authorization: `Bearer ${bearer}` } : {}) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });

  const login = async (): Promise<string> => {
    const res = await call('POST', '/api/auth/login', { username: crm.username, password: crm.password }, null);
    expect(res.status).toBe(200);
    return ((await res.json()) as { accessToken: string }).accessToken;
  };

  const pullPage = async (since: string, cursor: string | null, limit: number): Promise<PullAnswer> => {
    const query = new URLSearchParams({ since, tables: 'contacts,interactions', limit: String(limit), ...(cursor ? { cursor } : {}) });
    const res = await call('GET', `/api/sync/pull-changes?${query}`);
    expect(res.status).toBe(200);
    return (await res.json()) as PullAnswer;
  };

  /** Pages to the end, as a client would: every change in the order served, and each page's size. */
  const pullAll = async (since: string, limit: number) => {
    const changes: Change[] = [];
    const pages: Change[][] = [];
    for (let cursor: string | null = null; ;) {
      const page = await pullPage(since, cursor, limit);
      pages.push(page.changes);
      changes.push(...page.changes);
      if (!page.has_more) return { changes, pages };
      expect(page.next_cursor).toEqual(expect.any(String));
      cursor = page.next_cursor;
    }
  };

  /** The latest change of each record wins, as a correct client stores them; answers the live ids by table. */
  const applyLatest = (changes: Change[]) => {
    const latest = new Map<string, Change>();
    for (const change of changes) {
      const key = `${change.table_name}:${change.record_id}`;
      const stored = latest.get(key);
      if (!stored || stored.server_updated_at <= change.server_updated_at) latest.set(key, change);
    }
    const live = (table: string) =>
      [...latest.values()]
        .filter((c) => c.table_name === table && !c.is_deleted)
        .map((c) => c.record_id)
        .sort();
    return { contacts: live('contacts'), interactions: live('interactions') };
  };

  const expectedLive = () => ({ contacts: [...crm.store.live('contacts').keys()].sort(), interactions: [...crm.store.live('interactions').keys()].sort() });

  beforeEach(async () => {
    crm = await startCrmStandIn({ contacts: 40, interactions: 100, seed: 3 });
    token = await login();
  });

  afterEach(async () => {
    await crm.close();
  });

  it('should answer 401 when the password is wrong or the token missing or expired', async () => {
    expect((await call('POST', '/api/auth/login', { username: crm.username, password: 'nope' }, null)).status).toBe(401);
    expect((await call('GET', `/api/sync/stats`, undefined, null)).status).toBe(401);
    crm.setFaults({ expireTokensAfterCalls: 1 });
    expect((await call('GET', '/api/sync/stats')).status).toBe(200);
    expect((await call('GET', '/api/sync/stats')).status).toBe(401);
    expect(crm.stats().served401).toBe(3);
  });

  it('should serve every record exactly once in server_updated_at order when paging from the beginning', async () => {
    const { changes, pages } = await pullAll(EPOCH, 30);

    expect(pages.map((p) => p.length)).toEqual([30, 30, 30, 30, 20]);
    expect(new Set(changes.map((c) => `${c.table_name}:${c.record_id}`)).size).toBe(140);
    const times = changes.map((c) => c.server_updated_at);
    expect(times).toEqual([...times].sort());
    // A bulk import leaves several records with the same instant, so a client cannot resume after the instant alone.
    expect(new Set(times).size).toBeLessThan(times.length);
    expect(changes.find((c) => c.table_name === 'contacts')?.data).toMatchObject({
      id: expect.any(String),
      full_name: expect.any(String),
      stage: expect.any(String),
    });
    expect(changes.find((c) => c.table_name === 'interactions')?.data).toMatchObject({ contact_id: expect.any(String), kind: expect.any(String) });
  });

  it('should open each later page with changes already served when repeatPerPage is set', async () => {
    crm.setFaults({ repeatPerPage: 4 });

    const { changes, pages } = await pullAll(EPOCH, 30);

    for (let i = 1; i < pages.length; i++) expect(pages[i].slice(0, 4)).toEqual(pages[i - 1].slice(-4));
    expect(changes.length).toBe(140 + 4 * (pages.length - 1));
    expect(applyLatest(changes)).toEqual(expectedLive());
  });

  it('should never skip a change made between calls when the CRM keeps changing', async () => {
    crm.setFaults({ churnPerPull: 5, repeatPerPage: 2 });

    const first = await pullAll(EPOCH, 25);
    crm.setFaults({});
    const newest = (changes: Change[]) => changes.map((c) => c.server_updated_at).sort()[changes.length - 1];

    // The changes made after the last page are the next run's: it starts after the newest change stored.
    const second = await pullAll(newest(first.changes), 25);
    expect(second.changes).toHaveLength(5);
    const state = applyLatest([...first.changes, ...second.changes]);
    expect(state).toEqual(expectedLive());

    crm.store.editContact(state.contacts[0], { stage: 'alumnus' });
    const third = await pullAll(newest(second.changes), 25);
    expect(third.changes.map((c) => c.record_id)).toEqual([state.contacts[0]]);
    expect(third.changes[0].data.stage).toBe('alumnus');
  });

  it('should feed a soft delete, then a revival, and forget a purged record when tests change records', async () => {
    const [contact, other] = [...crm.store.live('contacts').keys()];
    const before = crm.store.get('contacts', contact)!.updatedAt;
    const since = new Date(crm.store.list().at(-1)!.updatedAt).toISOString();

    crm.store.remove('contacts', contact);
    const deleted = await pullAll(since, 10);
    expect(deleted.changes).toEqual([expect.objectContaining({ record_id: contact, is_deleted: true })]);
    expect(Date.parse(deleted.changes[0].server_updated_at)).toBeGreaterThan(before);

    crm.store.revive('contacts', contact, { stage: 'applicant' });
    const revived = await pullAll(deleted.changes[0].server_updated_at, 10);
    expect(revived.changes).toEqual([
      expect.objectContaining({ record_id: contact, is_deleted: false, data: expect.objectContaining({ stage: 'applicant' }) }),
    ]);

    crm.store.purge('contacts', other);
    const everything = await pullAll(EPOCH, 50);
    expect(everything.changes.map((c) => c.record_id)).not.toContain(other);
    expect(everything.changes).toHaveLength(139);
  });

  it('should apply a batch, report a conflict when the server changed later, and refuse more than 50 records', async () => {
    const [a, b] = [...crm.store.live('contacts').keys()];
    const future = new Date(Date.now() + 60_000).toISOString();
    const past = '2020-01-01T00:00:00.000Z';
    const record = (id: string, at: string) => ({
      table_name: 'contacts',
      record_id: id,
      data: { student_number: '4031111001' },
      local_updated_at: at,
      is_deleted: false,
    });

    const res = await call('POST', '/api/sync/batch-push', { device_id: 'hamgam', records: [record(a, future), record(b, past)] });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { success: boolean; synced_count: number; conflicts: { record_id: string; server_data: unknown }[] };
    expect(body).toMatchObject({ success: true, synced_count: 1 });
    expect(body.conflicts).toEqual([expect.objectContaining({ record_id: b, server_data: expect.objectContaining({ student_number: null }) })]);
    expect(crm.store.get('contacts', a)!.data.student_number).toBe('4031111001');

    const tooMany = Array.from({ length: 51 }, () => record(a, future));
    expect((await call('POST', '/api/sync/batch-push', { device_id: 'hamgam', records: tooMany })).status).toBe(400);
    expect(crm.stats().pushBatchSizes).toEqual([2]);
  });

  it('should fail only the next push with 500 when failPushNext is set', async () => {
    crm.setFaults({ failPushNext: 1 });
    const body = { device_id: 'hamgam', records: [] };
    expect((await call('POST', '/api/sync/batch-push', body)).status).toBe(500);
    expect((await call('GET', '/api/sync/stats')).status).toBe(200);
    expect((await call('POST', '/api/sync/batch-push', body)).status).toBe(200);
  });

  it('should take the client data on accept_client and keep the server data on accept_server', async () => {
    const [a, b] = [...crm.store.live('contacts').keys()];
    const stageOfB = crm.store.get('contacts', b)!.data.stage;
    const resolve = (id: string, resolution: string, clientData?: unknown) =>
      call('POST', '/api/sync/resolve-conflict', { table_name: 'contacts', record_id: id, resolution, client_data: clientData });

    expect((await resolve(a, 'accept_client', { student_number: '4031111002' })).status).toBe(200);
    expect((await resolve(b, 'accept_server')).status).toBe(200);
    expect((await resolve(b, 'accept_client')).status).toBe(400);
    expect((await resolve('missing', 'accept_server')).status).toBe(404);

    expect(crm.store.get('contacts', a)!.data.student_number).toBe('4031111002');
    expect(crm.store.get('contacts', b)!.data.stage).toBe(stageOfB);
  });

  it('should count live records per table in /api/sync/stats when some are deleted', async () => {
    const [contact] = [...crm.store.live('contacts').keys()];
    crm.store.remove('contacts', contact);
    const res = await call('GET', '/api/sync/stats');
    expect(await res.json()).toEqual({
      pending_queue_count: 0,
      last_sync_at: null,
      tables_stats: [
        { table_name: 'contacts', record_count: 39 },
        { table_name: 'interactions', record_count: 100 },
      ],
    });
  });

  it('should answer 400 when the since, tables or cursor are not valid', async () => {
    expect((await call('GET', '/api/sync/pull-changes?since=yesterday')).status).toBe(400);
    expect((await call('GET', `/api/sync/pull-changes?since=${EPOCH}&tables=invoices`)).status).toBe(400);
    expect((await call('GET', `/api/sync/pull-changes?since=${EPOCH}&cursor=garbage`)).status).toBe(400);
  });

  it('should generate the same records for the same seed and the asked sizes', async () => {
    const again = await startCrmStandIn({ contacts: 40, interactions: 100, seed: 3 });
    const other = await startCrmStandIn({ contacts: 5, interactions: 7, seed: 4 });
    try {
      expect(again.store.list()).toEqual(crm.store.list());
      expect(other.store.list('contacts')).toHaveLength(5);
      expect(other.store.list('interactions')).toHaveLength(7);
      expect(other.store.list('contacts')[0].id).not.toBe(crm.store.list('contacts')[0].id);
    } finally {
      await Promise.all([again.close(), other.close()]);
    }
  });
});
