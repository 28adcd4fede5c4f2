import { SyncError } from '../../common/sync-error';

/** One record of a batch-push body, as crm-api.md names its fields. */
export type PushRecord = { table_name: string; record_id: string; data: Record<string, unknown>; local_updated_at: string; is_deleted: boolean };

export type PushConflict = {
  table: string;
  recordId: string;
  local: Record<string, unknown>;
  server: Record<string, unknown>;
  localUpdatedAt: string;
  serverUpdatedAt: string;
};

export type CrmPushAnswer = { conflicts: PushConflict[]; errors: { recordId: string | null; message: string }[] };

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const iso = (value: unknown): string => (typeof value === 'string' && !Number.isNaN(Date.parse(value)) ? new Date(value).toISOString() : '');

/** A batch-push answer: its conflicts (both versions) and the records it refused; a record in neither was synced. */
export function parsePushAnswer(raw: unknown): CrmPushAnswer {
  if (!isObject(raw) || !Array.isArray(raw.conflicts)) throw new SyncError('upstream', 'the CRM answered batch-push without a "conflicts" list');
  const conflicts = raw.conflicts.filter(isObject).map((item) => ({
    table: String(item.table_name ?? ''),
    recordId: String(item.record_id ?? ''),
    local: isObject(item.local_data) ? item.local_data : {},
    server: isObject(item.server_data) ? item.server_data : {},
    localUpdatedAt: iso(item.local_updated_at),
    serverUpdatedAt: iso(item.server_updated_at),
  }));
  // The contract leaves the shape of an error open: a string, or an object naming the record.
  const errors = (Array.isArray(raw.errors) ? raw.errors : []).map((item: unknown) =>
    isObject(item)
      ? { recordId: typeof item.record_id === 'string' ? item.record_id : null, message: String(item.message ?? item.error ?? 'refused').slice(0, 200) }
      : { recordId: null, message: String(item).slice(0, 200) },
  );
  return { conflicts, errors };
}
