import type { CrmStandIn } from '@hamgam/stand-ins';
import type { RunChangePage } from '@hamgam/shared';
import type { TestApp } from '../helpers/test-app';
import { query, runToEnd, startCrmTestBed } from '../crm/crm-helpers';

describe('the change log of CRM runs', () => {
  let crm: CrmStandIn;
  let t: TestApp;

  beforeEach(async () => {
    ({ crm, t } = await startCrmTestBed({ contacts: 20, interactions: 30, seed: 5 }));
  });

  afterEach(async () => {
    await t.close();
    await crm.close();
  });

  const changes = async (runId: string) => (await t.http().get(`/api/runs/${runId}/changes?pageSize=200`).expect(200)).body as RunChangePage;

  it('should log inserts, an edited contact old → new with its mobile as changed only, a deletion and a revival', async () => {
    const first = await runToEnd(t);
    const [edited, removed] = [...crm.store.live('contacts').keys()];
    const [{ full_name: oldName, mobile: oldMobile }] = await query<{ full_name: string; mobile: string | null }>(
      t,
      'SELECT full_name, mobile FROM crm_contacts WHERE id = ?',
      edited,
    );
    crm.store.editContact(edited, { full_name: 'نگار کاظمی', mobile: '09129998877' });
    crm.store.remove('contacts', removed);

    const second = await runToEnd(t);
    crm.store.revive('contacts', removed, { stage: 'alumnus' });
    const third = await runToEnd(t);

    expect((await changes(first.id)).totals).toEqual({ inserted: first.counts.inserted, updated: 0, deleted: 0 });
    const page = await changes(second.id);
    expect(page.items).toEqual([
      {
        kind: 'updated',
        table: 'contacts',
        key: edited,
        fields: [
          { field: 'fullName', before: oldName, after: 'نگار کاظمی', isSensitive: false },
          { field: 'mobile', before: null, after: null, isSensitive: true },
        ],
      },
      { kind: 'deleted', table: 'contacts', key: removed, fields: [] },
    ]);
    expect(JSON.stringify(page)).not.toContain('09129998877');
    if (oldMobile) expect(JSON.stringify(page)).not.toContain(oldMobile);
    const revival = (await changes(third.id)).items.find((change) => change.key === removed);
    expect(revival?.kind).toBe('updated');
    expect(revival?.fields.find((field) => field.field === 'deletedAt')).toMatchObject({ after: null, isSensitive: false });
  });
});
