import { GolestanClient, type GolestanClientOptions } from '../golestan/golestan.client';

export type FacultyClientOptions = Omit<GolestanClientOptions, 'gate' | 'onSlowDown'>;

export const FACULTY_PATH = '/API/Golestan/Faculty';

/** The faculty endpoint of the university API gateway; login, tokens and retries are the gateway client's. */
export class FacultyClient {
  private readonly gateway: GolestanClient;

  constructor(options: FacultyClientOptions) {
    this.gateway = new GolestanClient(options);
  }

  login(): Promise<void> {
    return this.gateway.login();
  }

  /** One page of raw faculty records (1-based `pageNumber`); the mapper checks each record. */
  fetchFacultyPage(pageNumber: number, pageSize: number): Promise<unknown[]> {
    const where = `faculty page ${pageNumber}`;
    return this.gateway.call(FACULTY_PATH, { pageNumber, pageSize }, where, (response) => this.gateway.readDataList(FACULTY_PATH, where, response));
  }
}
