import { createPrng } from '../common/prng';
import { CONTACT_STAGES, generateCrmRecords, makeContact, makeInteraction, recordKey, type CrmRecord, type CrmSiteOptions, type CrmTable } from './crm-dataset';

/** A position in the feed: after the change of this record at this instant. */
export type FeedPosition = { at: number; key: string };

export type FeedPage = { changes: CrmRecord[]; hasMore: boolean; next: FeedPosition | null };

export type PushOutcome = { kind: 'applied'; record: CrmRecord } | { kind: 'conflict'; server: CrmRecord } | { kind: 'error'; message: string };

/**
 * The CRM's records and the changes tests make to them. Every change stamps the record past every earlier
 * change (never before `now()`) and moves it to the end of the feed, as the real change log orders by time.
 */
export type CrmStore = {
  list(table?: CrmTable): CrmRecord[];
  get(table: CrmTable, id: string): CrmRecord | undefined;
  /** Ids and data of the records not deleted: what a correct sync must hold live. */
  live(table: CrmTable): Map<string, Record<string, unknown>>;
  page(since: number, tables: readonly CrmTable[], after: FeedPosition | null, limit: number, repeat: number): FeedPage;
  editContact(id: string, patch?: Record<string, unknown>): CrmRecord;
  remove(table: CrmTable, id: string): CrmRecord;
  revive(table: CrmTable, id: string, patch?: Record<string, unknown>): CrmRecord;
  /** Forgets a record entirely, without a tombstone, as a purge of old data does. */
  purge(table: CrmTable, id: string): void;
  addContact(patch?: Record<string, unknown>): CrmRecord;
  addInteraction(contactId?: string): CrmRecord;
  /** Makes `count` changes of every kind, chosen by the store's own generator (the same for the same seed). */
  churn(count: number): CrmRecord[];
  push(table: CrmTable, id: string, data: Record<string, unknown>, localUpdatedAt: number, isDeleted: boolean): PushOutcome;
  resolve(table: CrmTable, id: string, data: Record<string, unknown> | null): CrmRecord | undefined;
  regenerate(): void;
};

export const createCrmStore = (options: CrmSiteOptions = {}, now: () => number = Date.now): CrmStore => {
  let order: CrmRecord[] = [];
  let byKey = new Map<string, CrmRecord>();
  let clock = 0;
  let prng = createPrng((options.seed ?? 7) + 1000);
  let added = 0;

  const load = () => {
    order = generateCrmRecords(options);
    byKey = new Map(order.map((record) => [recordKey(record.table, record.id), record]));
    clock = order.length > 0 ? order[order.length - 1].updatedAt : 0;
    prng = createPrng((options.seed ?? 7) + 1000);
    added = 0;
  };
  load();

  const find = (table: CrmTable, id: string): CrmRecord => {
    const record = byKey.get(recordKey(table, id));
    if (!record) throw new Error(`no ${table} record ${id} in the stand-in CRM`);
    return record;
  };

  // The changed record becomes the newest: take it out of its place and append it.
  const stamp = (record: CrmRecord): CrmRecord => {
    clock = Math.max(clock + 1, now());
    const index = order.indexOf(record);
    if (index >= 0) order.splice(index, 1);
    record.updatedAt = clock;
    record.data = { ...record.data, updated_at: new Date(clock).toISOString() };
    order.push(record);
    byKey.set(recordKey(record.table, record.id), record);
    return record;
  };

  // First index whose position is after `position` (binary search: the feed stays sorted).
  const indexAfter = (position: FeedPosition): number => {
    let low = 0;
    let high = order.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      const r = order[mid];
      const isAfter = r.updatedAt > position.at || (r.updatedAt === position.at && recordKey(r.table, r.id) > position.key);
      if (isAfter) high = mid;
      else low = mid + 1;
    }
    return low;
  };

  const pickLive = (table: CrmTable, isDeleted: boolean): CrmRecord | undefined => {
    const candidates = order.filter((r) => r.table === table && r.isDeleted === isDeleted);
    return candidates.length > 0 ? prng.pick(candidates) : undefined;
  };

  const store: CrmStore = {
    list: (table) => order.filter((r) => table === undefined || r.table === table).map((r) => structuredClone(r)),
    get: (table, id) => {
      const record = byKey.get(recordKey(table, id));
      return record ? structuredClone(record) : undefined;
    },
    live: (table) => new Map(order.filter((r) => r.table === table && !r.isDeleted).map((r) => [r.id, structuredClone(r.data)])),
    page: (since, tables, after, limit, repeat) => {
      const start = indexAfter(after && after.at >= since ? after : { at: since, key: '\uffff' });
      const changes: CrmRecord[] = [];
      let index = start;
      for (; index < order.length && changes.length < limit; index++) {
        if (tables.includes(order[index].table)) changes.push(structuredClone(order[index]));
      }
      let hasMore = false;
      for (let rest = index; rest < order.length && !hasMore; rest++) hasMore = tables.includes(order[rest].table);
      if (!hasMore || changes.length === 0) return { changes, hasMore: false, next: null };
      // At-least-once: the next page opens with the last `repeat` changes of this one (never all of them).
      const resumeAt = changes[Math.max(0, changes.length - 1 - Math.min(repeat, changes.length - 1))];
      return { changes, hasMore, next: { at: resumeAt.updatedAt, key: recordKey(resumeAt.table, resumeAt.id) } };
    },
    editContact: (id, patch) => {
      const record = find('contacts', id);
      record.data = { ...record.data, ...(patch ?? { stage: prng.pick(CONTACT_STAGES), owner: `مشاور ${prng.int(100)}` }) };
      return structuredClone(stamp(record));
    },
    remove: (table, id) => {
      const record = find(table, id);
      record.isDeleted = true;
      return structuredClone(stamp(record));
    },
    revive: (table, id, patch) => {
      const record = find(table, id);
      record.isDeleted = false;
      record.data = { ...record.data, ...patch };
      return structuredClone(stamp(record));
    },
    purge: (table, id) => {
      const record = find(table, id);
      order.splice(order.indexOf(record), 1);
      byKey.delete(recordKey(table, id));
    },
    addContact: (patch) => {
      added += 1;
      const data = { ...makeContact(prng, 900_000 + added), ...patch };
      return structuredClone(stamp({ table: 'contacts', id: data.id as string, data, updatedAt: 0, isDeleted: false }));
    },
    addInteraction: (contactId) => {
      const contact = contactId ?? pickLive('contacts', false)?.id;
      if (!contact) throw new Error('the stand-in CRM has no contact to add an interaction to');
      const data = makeInteraction(prng, contact, Math.max(clock, now()));
      return structuredClone(stamp({ table: 'interactions', id: data.id as string, data, updatedAt: 0, isDeleted: false }));
    },
    churn: (count) => {
      const made: CrmRecord[] = [];
      for (let i = 0; i < count; i++) {
        const roll = prng.next();
        const deleted = pickLive(roll < 0.5 ? 'contacts' : 'interactions', true);
        const table: CrmTable = prng.next() < 0.5 ? 'contacts' : 'interactions';
        const live = pickLive(table, false);
        if (roll < 0.4 && live?.table === 'contacts') made.push(store.editContact(live.id));
        else if (roll < 0.55 && live) made.push(store.remove(live.table, live.id));
        else if (roll < 0.7 && deleted) made.push(store.revive(deleted.table, deleted.id));
        else if (roll < 0.9 && pickLive('contacts', false)) made.push(store.addInteraction());
        else made.push(store.addContact());
      }
      return made;
    },
    push: (table, id, data, localUpdatedAt, isDeleted) => {
      const existing = byKey.get(recordKey(table, id));
      if (existing && existing.updatedAt > localUpdatedAt) return { kind: 'conflict', server: structuredClone(existing) };
      const record = existing ?? { table, id, data: { id }, updatedAt: 0, isDeleted: false };
      record.data = { ...record.data, ...data, id };
      record.isDeleted = isDeleted;
      return { kind: 'applied', record: structuredClone(stamp(record)) };
    },
    resolve: (table, id, data) => {
      const record = byKey.get(recordKey(table, id));
      if (!record) return undefined;
      if (data) {
        record.data = { ...record.data, ...data, id };
        stamp(record);
      }
      return structuredClone(record);
    },
    regenerate: load,
  };
  return store;
};
