import { isRecord } from '../common/json-http';
import { CRM_TABLES, type CrmTable } from './crm-dataset';

/** The CRM refuses a batch-push of more records than this. */
export const MAX_PUSH_RECORDS = 50;

export type PushedRecord = { table: CrmTable; id: string; data: Record<string, unknown>; localUpdatedAt: number; isDeleted: boolean };

type Read<T> = ({ ok: true } & T) | { ok: false; message: string };

const isTable = (value: unknown): value is CrmTable => typeof value === 'string' && (CRM_TABLES as readonly string[]).includes(value);

/** A batch-push body: `device_id` and at most 50 records, each with a known table, an id, data and a time. */
export const readPushBody = (body: unknown): Read<{ deviceId: string; records: PushedRecord[] }> => {
  if (!isRecord(body) || typeof body.device_id !== 'string' || !Array.isArray(body.records)) {
    return { ok: false, message: 'body must be {"device_id", "records": [...]}' };
  }
  if (body.records.length > MAX_PUSH_RECORDS) return { ok: false, message: `at most ${MAX_PUSH_RECORDS} records a call` };
  const records: PushedRecord[] = [];
  for (const [index, item] of body.records.entries()) {
    const localUpdatedAt = isRecord(item) && typeof item.local_updated_at === 'string' ? Date.parse(item.local_updated_at) : Number.NaN;
    if (!isRecord(item) || !isTable(item.table_name) || typeof item.record_id !== 'string' || !isRecord(item.data) || Number.isNaN(localUpdatedAt)) {
      return { ok: false, message: `records[${index}] needs table_name (contacts or interactions), record_id, data and local_updated_at` };
    }
    records.push({ table: item.table_name, id: item.record_id, data: item.data, localUpdatedAt, isDeleted: item.is_deleted === true });
  }
  return { ok: true, deviceId: body.device_id, records };
};

/** A resolve-conflict body; `client_data` is required when the client's side is accepted. */
export const readResolveBody = (
  body: unknown,
): Read<{ table: CrmTable; id: string; resolution: 'accept_client' | 'accept_server'; clientData: Record<string, unknown> | null }> => {
  if (!isRecord(body) || !isTable(body.table_name) || typeof body.record_id !== 'string') {
    return { ok: false, message: 'body must name table_name (contacts or interactions) and record_id' };
  }
  if (body.resolution !== 'accept_client' && body.resolution !== 'accept_server') {
    return { ok: false, message: 'resolution must be accept_client or accept_server' };
  }
  const clientData = isRecord(body.client_data) ? body.client_data : null;
  if (body.resolution === 'accept_client' && !clientData) return { ok: false, message: 'accept_client needs client_data' };
  return { ok: true, table: body.table_name, id: body.record_id, resolution: body.resolution, clientData };
};
