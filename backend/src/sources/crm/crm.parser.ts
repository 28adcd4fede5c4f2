import { normalizeMobile, normalizeNationalCode } from '../../common/national-code';
import { SyncError } from '../../common/sync-error';
import { cleanPersianText, toAsciiDigits } from '../../common/text/clean-text';

export type CrmContact = {
  id: string;
  fullName: string;
  nationalCode: string | null;
  mobile: string | null;
  email: string | null;
  stage: string | null;
  owner: string | null;
  studentNumber: string | null;
};

export type CrmInteraction = { id: string; contactId: string | null; kind: string | null; summary: string | null; occurredAt: string | null };

/** One change of the feed, checked: the record's table, id, its data in our shape, and when the CRM made it. */
export type CrmChange =
  | { table: 'contacts'; id: string; serverUpdatedAt: string; isDeleted: boolean; record: CrmContact }
  | { table: 'interactions'; id: string; serverUpdatedAt: string; isDeleted: boolean; record: CrmInteraction };

/** Why a change of the feed is rejected: what `parseChange` checks (the API's sentences are in crm.source.ts). */
export const CRM_REJECT_CODES = ['not_an_object', 'missing_record_id', 'invalid_change_time', 'contact_without_name', 'unknown_table'] as const;
export type CrmRejectCode = (typeof CRM_REJECT_CODES)[number];
/** `table`: the record table (contacts, interactions) the key's id belongs to, when the change names one. */
export type RejectedChange = { key: string; code: CrmRejectCode; params?: { value: string }; table?: 'contacts' | 'interactions' };

export type CrmFeedPage = { changes: CrmChange[]; rejected: RejectedChange[]; hasMore: boolean; nextCursor: string | null };

export type CrmSyncStats = { pendingQueueCount: number | null; lastSyncAt: string | null; tables: Record<string, number> };

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

const text = (value: unknown): string | null => {
  if (typeof value !== 'string' && typeof value !== 'number') return null;
  const cleaned = cleanPersianText(String(value));
  return cleaned === '' ? null : cleaned;
};

const isoTime = (value: unknown): string | null => {
  if (typeof value !== 'string') return null;
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? null : new Date(ms).toISOString();
};

function toContact(id: string, data: Record<string, unknown>, isDeleted: boolean): CrmContact | null {
  const fullName = text(data.full_name);
  // A tombstone may carry no more than the id: it only has to say the record is gone.
  if (fullName === null && !isDeleted) return null;
  const studentNumber = text(data.student_number);
  return {
    id,
    fullName: fullName ?? '',
    nationalCode: normalizeNationalCode(text(data.national_code)),
    mobile: normalizeMobile(text(data.mobile)),
    email: text(data.email)?.toLowerCase() ?? null,
    stage: text(data.stage),
    owner: text(data.owner),
    studentNumber: studentNumber === null ? null : toAsciiDigits(studentNumber),
  };
}

function toInteraction(id: string, data: Record<string, unknown>): CrmInteraction {
  return { id, contactId: text(data.contact_id), kind: text(data.kind), summary: text(data.summary), occurredAt: isoTime(data.occurred_at) };
}

/** Checks one change; a reason instead when it cannot be stored (it is reported, never half-stored). */
export function parseChange(raw: unknown, index: number): CrmChange | RejectedChange {
  const where = `change #${index + 1}`;
  if (!isObject(raw)) return { key: where, code: 'not_an_object' };
  const id = typeof raw.record_id === 'string' && raw.record_id.trim() !== '' ? raw.record_id.trim() : null;
  const key = id ? `${String(raw.table_name)}:${id}` : where;
  if (id === null) return { key, code: 'missing_record_id' };
  const table = raw.table_name === 'contacts' || raw.table_name === 'interactions' ? raw.table_name : null;
  if (table === null) return { key, code: 'unknown_table', params: { value: String(raw.table_name).slice(0, 60) } };
  const serverUpdatedAt = isoTime(raw.server_updated_at);
  if (serverUpdatedAt === null) return { key, code: 'invalid_change_time', params: { value: String(raw.server_updated_at).slice(0, 60) }, table };
  const isDeleted = raw.is_deleted === true;
  const data = isObject(raw.data) ? raw.data : {};
  if (table === 'contacts') {
    const record = toContact(id, data, isDeleted);
    return record === null ? { key, code: 'contact_without_name', table } : { table: 'contacts', id, serverUpdatedAt, isDeleted, record };
  }
  return { table: 'interactions', id, serverUpdatedAt, isDeleted, record: toInteraction(id, data) };
}

/** A pull-changes answer; a page without its list, or promising more without a cursor, is the CRM's fault. */
export function parseFeedPage(raw: unknown): CrmFeedPage {
  if (!isObject(raw) || !Array.isArray(raw.changes) || typeof raw.has_more !== 'boolean') {
    throw new SyncError('upstream', 'the CRM answered pull-changes without a "changes" list and "has_more"');
  }
  const nextCursor = typeof raw.next_cursor === 'string' && raw.next_cursor !== '' ? raw.next_cursor : null;
  if (raw.has_more && nextCursor === null) throw new SyncError('upstream', 'the CRM answered has_more without a next_cursor');
  const changes: CrmChange[] = [];
  const rejected: RejectedChange[] = [];
  raw.changes.forEach((item, index) => {
    const parsed = parseChange(item, index);
    if ('code' in parsed) rejected.push(parsed);
    else changes.push(parsed);
  });
  return { changes, rejected, hasMore: raw.has_more, nextCursor };
}

export function parseSyncStats(raw: unknown): CrmSyncStats {
  if (!isObject(raw) || !Array.isArray(raw.tables_stats)) throw new SyncError('upstream', 'the CRM answered /api/sync/stats without "tables_stats"');
  const tables: Record<string, number> = {};
  for (const item of raw.tables_stats) {
    if (isObject(item) && typeof item.table_name === 'string' && Number.isInteger(item.record_count)) tables[item.table_name] = item.record_count as number;
  }
  return {
    pendingQueueCount: Number.isInteger(raw.pending_queue_count) ? (raw.pending_queue_count as number) : null,
    lastSyncAt: isoTime(raw.last_sync_at),
    tables,
  };
}
