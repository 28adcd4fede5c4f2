import { createPrng, type Prng } from '../common/prng';
import { FAMILY_NAMES, FIRST_NAMES, MOBILE_PREFIXES } from '../golestan/golestan-pools';
import { validNationalCode } from '../golestan/national-code';

export const CRM_TABLES = ['contacts', 'interactions'] as const;
export type CrmTable = (typeof CRM_TABLES)[number];
export const CONTACT_STAGES = ['lead', 'applicant', 'student', 'alumnus'] as const;
export const INTERACTION_KINDS = ['call', 'sms', 'email', 'meeting', 'note'] as const;

/** One record as the CRM keeps it: its latest data, when the server last changed it, and whether it is deleted. */
export type CrmRecord = {
  table: CrmTable;
  id: string;
  data: Record<string, unknown>;
  /** Milliseconds since the epoch; every change moves it past every earlier one. */
  updatedAt: number;
  isDeleted: boolean;
};

export type CrmSiteOptions = {
  contacts?: number;
  interactions?: number;
  seed?: number;
};

/** When the generated records were last changed: groups of three share an instant, as a bulk import leaves them. */
export const CRM_EPOCH_MS = Date.parse('2025-09-01T00:00:00.000Z');

const OWNERS = ['مشاور پذیرش ۱', 'مشاور پذیرش ۲', 'دفتر دانش‌آموختگان', 'روابط عمومی'];
const SUMMARIES = ['پیگیری ثبت‌نام', 'پرسش دربارهٔ شهریه', 'ارسال مدارک', 'دعوت به روز معرفی', 'پاسخ به ایمیل', 'یادداشت مشاور'];

export const recordKey = (table: string, id: string): string => `${table}:${id}`;

/** A UUID-shaped id from the generator, so ids are the same for the same seed. */
export const crmId = (prng: Prng): string => {
  const hex = (n: number) => Array.from({ length: n }, () => prng.int(16).toString(16)).join('');
  return `${hex(8)}-${hex(4)}-4${hex(3)}-a${hex(3)}-${hex(12)}`;
};

export const makeContact = (prng: Prng, index: number): Record<string, unknown> => {
  const first = prng.pick(FIRST_NAMES);
  const family = prng.pick(FAMILY_NAMES);
  const hasMobile = prng.next() < 0.9;
  return {
    id: crmId(prng),
    full_name: `${first.fa} ${family.fa}`,
    national_code: prng.next() < 0.8 ? validNationalCode(700_000 + index) : null,
    mobile: hasMobile ? `${prng.pick(MOBILE_PREFIXES)}${String(1_000_000 + prng.int(9_000_000))}` : null,
    email: prng.next() < 0.6 ? `${first.en.toLowerCase()}.${family.en.toLowerCase()}${index}@example.ir` : null,
    stage: prng.pick(CONTACT_STAGES),
    owner: prng.next() < 0.7 ? prng.pick(OWNERS) : null,
    student_number: null,
  };
};

export const makeInteraction = (prng: Prng, contactId: string, occurredAtMs: number): Record<string, unknown> => ({
  id: crmId(prng),
  contact_id: contactId,
  kind: prng.pick(INTERACTION_KINDS),
  summary: prng.pick(SUMMARIES),
  occurred_at: new Date(occurredAtMs).toISOString(),
});

/** The generated CRM, in the order the feed serves it (by updatedAt, then table and id). */
export const generateCrmRecords = (options: CrmSiteOptions = {}): CrmRecord[] => {
  const prng = createPrng(options.seed ?? 7);
  const contactCount = options.contacts ?? 60;
  const interactionCount = options.interactions ?? 180;
  const records: CrmRecord[] = [];
  const contactIds: string[] = [];
  for (let i = 0; i < contactCount; i++) {
    const data = makeContact(prng, i);
    contactIds.push(data.id as string);
    records.push({ table: 'contacts', id: data.id as string, data, updatedAt: 0, isDeleted: false });
  }
  for (let i = 0; i < interactionCount && contactIds.length > 0; i++) {
    const data = makeInteraction(prng, prng.pick(contactIds), CRM_EPOCH_MS - (i + 1) * 3_600_000);
    records.push({ table: 'interactions', id: data.id as string, data, updatedAt: 0, isDeleted: false });
  }
  records.forEach((record, index) => {
    record.updatedAt = CRM_EPOCH_MS + Math.floor(index / 3) * 1000;
    record.data.updated_at = new Date(record.updatedAt).toISOString();
  });
  return records.sort(compareRecords);
};

export const compareRecords = (a: CrmRecord, b: CrmRecord): number =>
  a.updatedAt - b.updatedAt || (recordKey(a.table, a.id) < recordKey(b.table, b.id) ? -1 : recordKey(a.table, a.id) > recordKey(b.table, b.id) ? 1 : 0);
