import type { ConnectionTestResult, WorkerSettings } from '@hamgam/shared';
import { testGolestanConnection } from '../golestan/golestan.test-connection';
import { STUDENTS_PATH } from './students.client';
import { readStudentsOptions } from './students.options';
import { currentTerm } from './students.terms';

// With no campus listed yet the test still reads a page: the gateway answers an unknown campus with an empty list.
const ANY_CAMPUS = '0';

/** Logs in to the gateway and reads one student record of the first listed campus in the current term. */
export function testStudentsConnection(settings: WorkerSettings, signal: AbortSignal): Promise<ConnectionTestResult> {
  const now = new Date();
  const options = readStudentsOptions(settings.options, now);
  const codePardis = options.campuses[0]?.code ?? ANY_CAMPUS;
  const body = { codePardis, term: currentTerm(now), paging: { pageNumber: 1, pageSize: 1 }, Filter: {} };
  return testGolestanConnection(settings, signal, { path: STUDENTS_PATH, body, what: 'the first students page' }, options.requestTimeoutMs);
}
