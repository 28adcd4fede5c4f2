import type { WorkerRejection } from '@hamgam/shared';
import type { ChangeInput } from '../../sync/changes/change-writer';
import { diffRecord } from '../../sync/changes/record-diff';
import { mapStudentRecord, readStatus, readStudentKeys, type CleanStudentRecord, type KeysResult, type StudentReject } from './students.mapper';
import { isLater, STUDENT_DIFF_FIELDS, type StoredPage, type StoredStudent, type StudentsRepository, type TermStatusRow } from './students.repository';
import { InFlightPages } from './students.in-flight';
import { STUDENT_SENSITIVE_FIELDS } from './students.sensitive';

/** A page's counts and, when the change log is on, its record-level changes (for `WorkerContext.changes`). */
export type PageCounts = { fetched: number; inserted: number; updated: number; unchanged: number; rejected: number; changes: ChangeInput[] };

const TABLE = 'students';
const SENSITIVE = new Set(STUDENT_SENSITIVE_FIELDS);
// A soft-deleted record that comes back shows its deletion time going away.
const DIFF_FIELDS = [...STUDENT_DIFF_FIELDS, 'deletedAt'];
export type PageWriterHooks = {
  reject(rejection: WorkerRejection): void;
  /** A stored record whose text was imperfect or dropped; names fields, never their values. */
  warn(studentNumber: string, warnings: string[]): void;
  repaired(): void;
  /** The students a page listed (written or replayed): a dry run, which stores no page, keeps them to know who was seen. */
  seen?(studentNumbers: readonly string[]): void;
};

/** A page's decision about a student, while its writes may not be committed: the state to read, the record written. */
type InFlightStudent = { state: StoredStudent; record?: CleanStudentRecord };

/** Where a page came from: its records belong to this campus and term whatever they say. */
export type PageSource = { campusCode: string; term: string; page: number };

// Part of every stored page hash: changing how records are checked or cleaned must make every page new again.
// v2: rejects are stored as codes with parameters (v1 kept English sentences).
const PAGE_FORMAT = 'students-v2';

/** A reject as a page row keeps it (`student_pages.rejects`, JSON): the page's term is added when it is reported. */
type StoredReject = Pick<WorkerRejection, 'key' | 'code' | 'params' | 'table'>;

function toStored(reject: StudentReject): StoredReject {
  return { key: reject.key, code: reject.code, ...(reject.params ? { params: reject.params } : {}), ...(reject.isRecordKey ? { table: 'students' } : {}) };
}

/**
 * Stores one page of a (campus, term) call in one transaction. Every record is checked (so rejects do not
 * depend on the order calls finish in); only a record that will be written is cleaned in full. A record of a
 * term older than the stored one adds only its status to the student's history.
 *
 * A page whose body is byte for byte the one stored last time is not parsed or written again (`replay`): its
 * records were stored then, and what is stored for a student only ever moves to a later term, so storing
 * them again would change nothing. Its row still lists its students as seen, and its rejects are reported again.
 */
export class StudentsPageWriter {
  /** Pages decided whose writes may not be committed yet (none are laid over reads in a dry run). */
  private readonly inFlight: InFlightPages<InFlightStudent>;
  private turns: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly repository: StudentsRepository,
    private readonly runId: string,
    private readonly hooks: PageWriterHooks,
    /** List each page's changes, reading an updated student's old values (only when its hash differs). */
    private readonly logChanges = false,
  ) {
    this.inFlight = new InFlightPages(!repository.isDryRun);
  }

  /** Every page stored for these terms, by `pageKey`, to tell known bodies (`knownPage`) without a read a page. */
  storedPages(terms: readonly string[]): Promise<Map<string, StoredPage>> {
    return this.repository.storedPages(terms, this.hooks.seen !== undefined);
  }

  /** The page as stored last time (`stored`, from `storedPages`), when the body hashed to `bodyHash` then too. */
  knownPage(stored: StoredPage | undefined, bodyHash: string): StoredPage | null {
    return stored?.body_hash === `${PAGE_FORMAT}:${bodyHash}` ? stored : null;
  }

  /** Counts a page that is known, unchanged, without writing it. */
  replay(stored: StoredPage, source: PageSource): PageCounts {
    const rejects = JSON.parse(stored.rejects) as StoredReject[];
    for (const reject of rejects) this.hooks.reject({ ...reject, term: source.term });
    this.hooks.seen?.(JSON.parse(stored.student_numbers) as string[]);
    return { fetched: stored.fetched, inserted: 0, updated: 0, unchanged: stored.fetched - rejects.length, rejected: rejects.length, changes: [] };
  }

  /**
   * Decides every record of the page against one read of its students' stored state, then writes the page with a
   * few set-based statements (restores, students, term statuses, the page row) in one transaction.
   *
   * Pages take turns to decide, but a page's read is sent as soon as it arrives and a page's writes are not awaited
   * before the next page decides: on PostgreSQL the worker decides one page while the server writes the one before.
   * What a read may have missed of pages still being written is laid over it (`InFlightPages`).
   */
  async write(items: readonly unknown[], source: PageSource, bodyHash: string): Promise<PageCounts> {
    const { campusCode, term } = source;
    const checked: KeysResult[] = items.map((item, index) => readStudentKeys(item, `${campusCode}/${term} page ${source.page} #${index + 1}`));
    const studentNumbers: string[] = [];
    const rejects: StoredReject[] = [];
    for (const result of checked) {
      if (result.ok) studentNumbers.push(result.keys.studentNumber);
      else rejects.push(toStored(result));
    }
    const ticket = this.inFlight.beforeRead();
    const read = this.repository.statesOf(studentNumbers);
    read.catch(() => undefined); // awaited in the page's turn
    const { counts, written, flight } = await this.inTurn(async () => {
      const states = await read;
      // The latest decision of a page still in flight about one of these students wins over what was read.
      const overlaid = new Map<string, InFlightStudent>();
      for (const missed of this.inFlight.missed(ticket)) {
        for (const key of studentNumbers) {
          const page = missed.get(key);
          if (page) overlaid.set(key, page);
        }
      }
      for (const [key, page] of overlaid) states.set(key, page.state);
      const decided = await this.decide(checked, source, states, overlaid);
      const row = { campusCode, term, pageNumber: source.page, bodyHash: `${PAGE_FORMAT}:${bodyHash}`, fetched: items.length, studentNumbers, rejects };
      const statements = await this.repository.pageStatements({ ...decided, row }, this.runId, decided.now);
      // Registered and sent in one step: a page decided next lays these over its read until they are committed.
      const flight = this.inFlight.add(decided.changed);
      return { counts: decided.counts, written: this.repository.writePage(statements), flight };
    });
    try {
      await written;
    } finally {
      flight.land();
    }
    counts.rejected = rejects.length;
    this.hooks.seen?.(studentNumbers);
    // Reported after the commit: a page that failed to save rejects nothing.
    for (const reject of rejects) this.hooks.reject({ ...reject, term });
    return counts;
  }

  /** Runs `work` after the turns taken before it have ended, whether they failed or not. */
  private inTurn<T>(work: () => Promise<T>): Promise<T> {
    const result = this.turns.then(work);
    this.turns = result.catch(() => undefined);
    return result;
  }

  /** Decides each record of a page against `states` (updated as it goes: a student listed twice sees their first record). */
  private async decide(checked: readonly KeysResult[], source: PageSource, states: Map<string, StoredStudent>, overlaid: ReadonlyMap<string, InFlightStudent>) {
    const { campusCode, term } = source;
    const now = new Date().toISOString();
    const counts: PageCounts = { fetched: checked.length, inserted: 0, updated: 0, unchanged: 0, rejected: 0, changes: [] };
    // Updated students whose old values the change log needs: read after the page is decided, only for them.
    const updates: { change: ChangeInput; key: string; after: Record<string, unknown>; before?: Record<string, unknown> }[] = [];
    const written = new Map<string, CleanStudentRecord>();
    const restored: string[] = [];
    const statuses = new Map<string, TermStatusRow>();
    const changed = new Map<string, InFlightStudent>();
    for (const result of checked) {
      if (!result.ok) continue;
      const { raw, keys } = result;
      const stored = states.get(keys.studentNumber);
      const isSameCall = stored !== undefined && stored.term === term && stored.campus_code === campusCode;
      let status: { statusCode: string | null; statusText: string | null };
      if (stored && !isSameCall && !isLater({ term, campusCode }, { term: stored.term, campusCode: stored.campus_code })) {
        status = readStatus(raw);
        if (stored.deleted_at !== null) {
          restored.push(keys.studentNumber);
          counts.updated += 1;
          if (this.logChanges) this.logUpdate(counts, keys.studentNumber, { deletedAt: stored.deleted_at }, { deletedAt: null });
          const state = { ...stored, deleted_at: null };
          states.set(keys.studentNumber, state);
          changed.set(keys.studentNumber, { state });
        } else counts.unchanged += 1;
      } else {
        const mapped = mapStudentRecord(raw, keys, campusCode, term);
        status = mapped.record;
        if (mapped.repaired) this.hooks.repaired();
        if (mapped.warnings.length > 0) this.hooks.warn(keys.studentNumber, mapped.warnings);
        if (stored && isSameCall && stored.hash === mapped.record.hash && stored.deleted_at === null) {
          counts.unchanged += 1;
        } else {
          if (!stored) {
            counts.inserted += 1;
            if (this.logChanges) counts.changes.push({ kind: 'inserted', table: TABLE, key: keys.studentNumber });
          } else {
            counts.updated += 1;
            if (this.logChanges) {
              const change: ChangeInput = { kind: 'updated', table: TABLE, key: keys.studentNumber };
              counts.changes.push(change);
              const earlier = written.get(keys.studentNumber) ?? overlaid.get(keys.studentNumber)?.record;
              updates.push({
                change,
                key: keys.studentNumber,
                after: { ...mapped.record, deletedAt: null },
                ...(earlier ? { before: { ...earlier, deletedAt: null } } : {}),
              });
            }
          }
          written.set(keys.studentNumber, mapped.record);
          const state = rowOf(mapped.record);
          states.set(keys.studentNumber, state);
          changed.set(keys.studentNumber, { state, record: mapped.record });
        }
      }
      statuses.set(keys.studentNumber, { studentNumber: keys.studentNumber, term, campusCode, ...status });
    }
    if (updates.length > 0) await this.diffUpdates(updates);
    return { now, counts, restored, records: [...written.values()], statuses: [...statuses.values()], changed };
  }

  /**
   * The old values of updated students, read after the page is decided, only for those not written earlier on the page
   * or by a page still in flight.
   */
  private async diffUpdates(updates: { change: ChangeInput; key: string; after: Record<string, unknown>; before?: Record<string, unknown> }[]) {
    const ticket = this.inFlight.beforeRead();
    const stored = await this.repository.statesOf(
      updates.filter((update) => !update.before).map((update) => update.key),
      true,
    );
    const missed = this.inFlight.missed(ticket);
    for (const update of updates) {
      let before = update.before;
      if (!before) {
        // A page in flight may have restored the student since the row was read (one that wrote it set `before`).
        const latest = [...missed]
          .reverse()
          .find((page) => page.has(update.key))
          ?.get(update.key);
        const row = stored.get(update.key)!;
        before = latest?.record ? { ...latest.record, deletedAt: null } : beforeOf(latest ? { ...row, deleted_at: null } : row);
      }
      update.change.diff = diffRecord(before, update.after, DIFF_FIELDS, SENSITIVE);
    }
  }

  private logUpdate(counts: PageCounts, key: string, before: Record<string, unknown>, after: Record<string, unknown>): void {
    counts.changes.push({
      kind: 'updated',
      table: TABLE,
      key,
      diff: diffRecord(before, after, before.deletedAt === undefined ? ['deletedAt'] : DIFF_FIELDS, SENSITIVE),
    });
  }
}

/** A stored student's fields as the change log compares them (`DIFF_FIELDS`). */
function beforeOf(stored: StoredStudent): Record<string, unknown> {
  return { ...stored, term: stored.term, campusCode: stored.campus_code, deletedAt: stored.deleted_at };
}

/** What is stored once `record` is written, as `statesOf` reads it. */
function rowOf(record: CleanStudentRecord): StoredStudent {
  return { student_number: record.studentNumber, term: record.term, campus_code: record.campusCode, hash: record.hash, deleted_at: null };
}
