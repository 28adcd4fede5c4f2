// The CRM part of `npm run bench` (`--only crm`): a stand-in CRM with 20,000 contacts and 60,000 interactions
// (`--crm-size 20000x60000`), a first pull of everything through the real runner, then 500 changes made in the CRM
// (`--crm-changes 500`: edits, deletes, revivals, additions) and an incremental run that must read only those.
// Reported per run: wall time (trigger → run.finished), the run's own duration, the worker's peak RSS (VmHWM) and
// the calls the CRM answered.
import { timedRun, watchWorkerPeak } from './bench-common.mjs';

const mb = (kb) => kb / 1024;

/** `20000x60000` → { contacts: 20000, interactions: 60000 }. */
export function parseCrmSize(text) {
  const match = /^(\d+)x(\d+)$/.exec(text ?? '');
  if (!match) throw new Error(`a CRM size is contacts x interactions, e.g. 20000x60000 (got "${text}")`);
  return { contacts: Number(match[1]), interactions: Number(match[2]) };
}

const callsOf = (stats) => stats.logins + stats.pullCalls + stats.pushCalls + stats.statsCalls + stats.resolveCalls;

/** Runs the CRM benchmark against a running backend (pid `backendPid`). */
export async function benchCrm({ fetchApi, backendPid, startCrmStandIn, size, changes }) {
  const crm = await startCrmStandIn({ ...size, seed: 5 });
  // Building a large stand-in can take longer than the server keeps an idle connection open (5 s): a request on the
  // sign-in's kept-alive socket may then meet its close. A health check first takes (and, failing, drops) that socket.
  await fetchApi('/health').catch(() => undefined);
  try {
    const patch = await fetchApi('/sources/crm', {
      method: 'PATCH',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ connection: { baseUrl: crm.url, username: crm.username, password: crm.password } }),
    });
    if (!patch.ok) throw new Error(`could not point the CRM source at the stand-in: ${await patch.text()}`);
    const pageSize = (await patch.json()).options.pageSize;
    console.log(
      `CRM pull of ${size.contacts.toLocaleString('en')} contacts + ${size.interactions.toLocaleString('en')} interactions ` +
        `(page size ${pageSize}), then ${changes} changes in the CRM and an incremental run:`,
    );
    for (const label of ['first pull (everything)', `after ${changes} changes`]) {
      if (label !== 'first pull (everything)') crm.store.churn(changes);
      const callsBefore = callsOf(crm.stats());
      const pulledBefore = crm.stats().pulledChanges;
      const memory = watchWorkerPeak(backendPid);
      const { wallMs, run } = await timedRun(fetchApi, 'crm', {});
      memory.stop();
      const stats = crm.stats();
      console.log(
        `  ${label.padEnd(24)} ${run.status.padEnd(8)} wall ${(wallMs / 1000).toFixed(2)} s, run ${(run.durationMs / 1000).toFixed(2)} s, ` +
          `worker peak RSS ${mb(memory.peakKb()).toFixed(0)} MB, ${callsOf(stats) - callsBefore} calls, ` +
          `${(stats.pulledChanges - pulledBefore).toLocaleString('en')} changes read, counts ${JSON.stringify(run.counts)}` +
          (run.status === 'success' ? '' : `: ${run.errorMessage}`),
      );
    }
  } finally {
    await crm.close();
  }
}
