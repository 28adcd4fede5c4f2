import type { ConnectionTestResult, WorkerSettings } from '@hamgam/shared';
import { testGolestanConnection } from '../golestan/golestan.test-connection';
import { FACULTY_PATH } from './faculty.client';
import { readOptions } from './faculty.settings';

/** Logs in to the gateway and reads one faculty record. */
export function testFacultyConnection(settings: WorkerSettings, signal: AbortSignal): Promise<ConnectionTestResult> {
  const probe = { path: FACULTY_PATH, body: { pageNumber: 1, pageSize: 1 }, what: 'the first faculty page' };
  return testGolestanConnection(settings, signal, probe, readOptions(settings.options).requestTimeoutMs);
}
