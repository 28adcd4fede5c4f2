import { createHash } from 'node:crypto';
import { GolestanClient, type GolestanClientOptions } from '../golestan/golestan.client';
import type { RateGate } from '../golestan/rate-gate';

export type StudentsClientOptions = GolestanClientOptions & {
  /** Shared by every request of the run. */
  gate: RateGate;
};

export const STUDENTS_PATH = '/API/Golestan/Students_2';

/** A page of a call: its records, or none when the caller already knows a body with this hash. */
export type StudentsPage = { hash: string; items: unknown[] | null };

/** The students endpoint of the university API gateway; login, tokens, retries and the rate gate are the gateway client's. */
export class StudentsClient {
  private readonly gateway: GolestanClient;

  constructor(options: StudentsClientOptions) {
    this.gateway = new GolestanClient(options);
  }

  login(): Promise<void> {
    return this.gateway.login();
  }

  /**
   * One page of raw student records of a campus in a term (1-based `pageNumber`); the mapper checks each
   * record. The body is hashed before it is parsed: when `isKnown(hash)` it is not parsed at all.
   */
  fetchPage(codePardis: string, term: string, pageNumber: number, pageSize: number, isKnown: (hash: string) => boolean): Promise<StudentsPage> {
    const body = { codePardis, term, paging: { pageNumber, pageSize }, Filter: {} };
    const where = `campus ${codePardis}, term ${term}, page ${pageNumber}`;
    return this.gateway.call(STUDENTS_PATH, body, where, (response) => {
      const hash = createHash('sha1').update(response.bytes).digest('hex');
      if (isKnown(hash)) return { hash, items: null };
      return { hash, items: this.gateway.readDataList(STUDENTS_PATH, where, response) };
    });
  }
}
