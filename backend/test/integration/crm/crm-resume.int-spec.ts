import type { CrmStandIn } from '@hamgam/stand-ins';
import { waitFor, waitForRunEnd, type TestApp } from '../helpers/test-app';
import { killWorker, localLive, query, runToEnd, serverTimes, startCrmTestBed, startRun, upstreamLive, watermark } from './crm-helpers';

const FEED_START = new Date(0).toISOString();

const countRows = async (t: TestApp, where = '1 = 1') =>
  Number(
    (
      await query<{ n: number }>(
        t,
        `SELECT (SELECT CAST(COUNT(*) AS INTEGER) FROM crm_contacts WHERE ${where}) + (SELECT CAST(COUNT(*) AS INTEGER) FROM crm_interactions WHERE ${where}) AS n`,
      )
    )[0].n,
  );

describe('crm runs cut off and resumed against a CRM that keeps changing', () => {
  let crm: CrmStandIn;
  let t: TestApp;

  beforeEach(async () => {
    ({ crm, t } = await startCrmTestBed({ contacts: 60, interactions: 140, seed: 9 }, { pageSize: 10 }));
  });

  afterEach(async () => {
    await t.close();
    await crm.close();
  });

  // Each way a run can be cut off: the OOM killer or a crash (SIGKILL), an admin's cancel, the source's time limit.
  const cuts: [string, (runId: string) => Promise<void>, Record<string, unknown>][] = [
    ['killed', async () => killWorker(), { status: 'failed' }],
    ['cancelled', async (runId) => void (await t.http().post(`/api/runs/${runId}/cancel`).send({}).expect(202)), { status: 'cancelled' }],
    // The limit is set before the run starts: it is cut off wherever it is after 3 s (about 20 pages at 250 ms each need more).
    ['timed out', async () => undefined, { status: 'failed', errorKind: 'timeout' }],
  ];

  it.each(cuts)('should resume from its watermark without skipping or repeating work and hold the exact live set when a run is %s', async (how, cut, ended) => {
    const isTimeout = how === 'timed out';
    if (isTimeout) await t.http().patch('/api/sources/crm').send({ timeoutSeconds: 3 }).expect(200);
    crm.setFaults({ delayMs: isTimeout ? 250 : 100, churnPerPull: 2, repeatPerPage: 2 });
    const first = await startRun(t);
    await waitFor(async () => (await countRows(t)) >= (isTimeout ? 10 : 40));
    await cut(first.id);
    expect(await waitForRunEnd(t, first.id)).toMatchObject(ended);
    if (isTimeout) await t.http().patch('/api/sources/crm').send({ timeoutSeconds: 600 }).expect(200);

    const cutAt = (await watermark(t))!;
    const storedBefore = await countRows(t);
    expect(storedBefore).toBeLessThan(crm.store.list().length);
    // Only whole pages were kept: nothing stored is newer than the watermark.
    expect(await countRows(t, `server_updated_at > '${cutAt}'`)).toBe(0);
    crm.setFaults({ churnPerPull: 2, repeatPerPage: 2 });
    const pullsBefore = crm.stats().pullSince.length;

    const resumed = await runToEnd(t);

    expect(resumed.status).toBe('success');
    // The killed run's last request may still be in the stand-in's delay and be recorded after the kill: it asked from the start.
    const resumedPulls = crm
      .stats()
      .pullSince.slice(pullsBefore)
      .filter((since) => since !== FEED_START);
    expect(resumedPulls[0]).toBe(new Date(Date.parse(cutAt) - 1).toISOString());
    // Read again: only the changes sharing the watermark's instant (a bulk import stamps three at once).
    expect(resumed.counts.unchanged).toBeLessThanOrEqual(3);
    crm.setFaults({});
    await runToEnd(t);
    expect(await localLive(t)).toEqual(upstreamLive(crm));
    const times = await serverTimes(t, crm);
    expect(times.local).toEqual(times.upstream);
  });

  it('should soft-delete what the CRM no longer has only after a complete full run, never after a cut-off one or a recent one', async () => {
    await runToEnd(t);
    const [purgedContact] = [...crm.store.live('contacts').keys()];
    const [purgedInteraction] = [...crm.store.live('interactions').keys()];
    crm.store.purge('contacts', purgedContact);
    crm.store.purge('interactions', purgedInteraction);
    const isDeleted = async (table: string, id: string) =>
      (await query<{ deleted_at: string | null }>(t, `SELECT deleted_at FROM ${table} WHERE id = ?`, id))[0].deleted_at !== null;

    expect(await runToEnd(t, 'recent')).toMatchObject({ status: 'success', counts: { deleted: 0 } });
    expect(await isDeleted('crm_contacts', purgedContact)).toBe(false);

    crm.setFaults({ delayMs: 100 });
    const cut = await startRun(t, 'full');
    await waitFor(async () => Number((await query<{ n: number }>(t, 'SELECT COUNT(*) AS n FROM crm_contacts WHERE last_seen_run_id = ?', cut.id))[0].n) >= 20);
    await t.http().post(`/api/runs/${cut.id}/cancel`).send({}).expect(202);
    expect(await waitForRunEnd(t, cut.id)).toMatchObject({ status: 'cancelled' });
    expect(await isDeleted('crm_contacts', purgedContact)).toBe(false);
    expect(await isDeleted('crm_interactions', purgedInteraction)).toBe(false);

    crm.setFaults({});
    const full = await runToEnd(t, 'full');

    expect(full).toMatchObject({ status: 'success', mode: 'full', counts: { fetched: 198, deleted: 2, inserted: 0, updated: 0, unchanged: 198 } });
    expect(await isDeleted('crm_contacts', purgedContact)).toBe(true);
    expect(await isDeleted('crm_interactions', purgedInteraction)).toBe(true);
    expect(await localLive(t)).toEqual(upstreamLive(crm));
  });
});
