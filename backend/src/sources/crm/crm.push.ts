import type { CrmOutboxItem } from '@hamgam/shared';
import { throwIfAborted } from '../../common/http/retry';
import type { Reporter } from '../../sync/source-definition';
import { MAX_PUSH_RECORDS, type CrmClient } from './crm.client';
import type { CrmOutbox } from './crm.outbox';
import type { PushConflict } from './crm.push-answer';
import type { ConflictPolicy } from './crm.settings';

/** How the CRM knows this panel among the devices that push to it. */
export const DEVICE_ID = 'hamgam';

export type PushCounts = { pushed: number; refused: number; conflicts: number; openConflicts: number; batches: number };

const key = (table: string, recordId: string) => `${table}:${recordId}`;

/**
 * Pushes the outbox in batches of at most 50, oldest first. A batch the CRM did not answer stays queued with its
 * attempt and error and ends the run (nothing is lost: the next run sends it again); a record the CRM refused
 * stays queued with its error; a conflict follows the policy: `lww` keeps the newer side and records the conflict
 * resolved, `ask` leaves it open for an admin.
 */
export async function pushOutbox(client: CrmClient, outbox: CrmOutbox, policy: ConflictPolicy, report: Reporter, signal: AbortSignal): Promise<PushCounts> {
  const counts: PushCounts = { pushed: 0, refused: 0, conflicts: 0, openConflicts: 0, batches: 0 };
  for (let afterId = 0; ;) {
    throwIfAborted(signal);
    const batch = await outbox.pending(afterId, MAX_PUSH_RECORDS);
    if (batch.length === 0) return counts;
    afterId = Number(batch[batch.length - 1].id);
    const records = batch.map((item) => ({
      table_name: item.table,
      record_id: item.recordId,
      data: item.data,
      local_updated_at: item.localUpdatedAt,
      is_deleted: false,
    }));
    let answer;
    try {
      answer = await client.batchPush(DEVICE_ID, records);
    } catch (error) {
      await outbox.markFailed(
        batch.map((item) => item.id),
        error instanceof Error ? error.message : String(error),
      );
      throw error;
    }
    counts.batches += 1;
    const items = new Map(batch.map((item) => [key(item.table, item.recordId), item]));
    const settled = new Set<string>();
    for (const error of answer.errors) {
      const item = error.recordId === null ? undefined : [...items.values()].find((candidate) => candidate.recordId === error.recordId);
      if (!item) {
        report.log('warn', `the CRM refused a pushed record without naming it: ${error.message}`);
        continue;
      }
      await outbox.markFailed([item.id], error.message);
      settled.add(item.id);
      counts.refused += 1;
    }
    for (const conflict of answer.conflicts) {
      const item = items.get(key(conflict.table, conflict.recordId));
      if (!item || settled.has(item.id)) continue;
      await settleConflict(client, outbox, policy, item, conflict);
      settled.add(item.id);
      counts.conflicts += 1;
      if (policy === 'ask') counts.openConflicts += 1;
    }
    const pushed = batch.filter((item) => !settled.has(item.id)).map((item) => item.id);
    await outbox.markPushed(pushed, new Date().toISOString());
    counts.pushed += pushed.length;
    report.log('info', `pushed ${batch.length} changes: ${pushed.length} synced, ${answer.conflicts.length} in conflict, ${answer.errors.length} refused`);
  }
}

async function settleConflict(client: CrmClient, outbox: CrmOutbox, policy: ConflictPolicy, item: CrmOutboxItem, conflict: PushConflict): Promise<void> {
  const found = {
    outboxId: Number(item.id),
    table: item.table,
    recordId: item.recordId,
    local: item.data,
    server: conflict.server,
    localUpdatedAt: item.localUpdatedAt,
    serverUpdatedAt: conflict.serverUpdatedAt,
  };
  if (policy === 'ask') {
    await outbox.recordConflict(found, null, new Date().toISOString());
    return;
  }
  // Last write wins by timestamp: the CRM's change is newer unless ours was made after it.
  const resolution = Date.parse(item.localUpdatedAt) > Date.parse(conflict.serverUpdatedAt) ? 'accept_client' : 'accept_server';
  await client.resolveConflict(item.table, item.recordId, resolution, resolution === 'accept_client' ? item.data : null);
  await outbox.recordConflict(found, { resolution, by: 'lww' }, new Date().toISOString());
}
