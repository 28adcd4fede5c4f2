// The module alone, not the package: every worker loads the registry, and the stand-in servers are not its business.
import { DEFAULT_STUDENT_CAMPUSES } from '@hamgam/stand-ins/dist/golestan/student-campuses';
import type { SourceDefinition } from '../../sync/source-definition';
import { CreateStudents1764000000200 } from './migrations/1764000000200-create-students';
import { STUDENTS_NUMERIC_DEFAULTS, validateStudentsOptions } from './students.options';

export const studentsSource: SourceDefinition = {
  id: 'students',
  modes: ['full', 'recent'],
  defaultTimeoutSeconds: 2 * 3600,
  connectionEnv: { baseUrl: 'GOLESTAN_BASE_URL', username: 'GOLESTAN_USERNAME', password: 'GOLESTAN_PASSWORD' },
  // The gateway cannot list its campuses: the old script kept them in a local table. The list starts as the
  // stand-in gateway's campuses and is edited per university (PATCH /api/sources/students {options}).
  // Years are absent on purpose: a run then reads four years back to the current Jalali year.
  defaultOptions: { campuses: DEFAULT_STUDENT_CAMPUSES.map((campus) => ({ ...campus })), ...STUDENTS_NUMERIC_DEFAULTS },
  migrations: [CreateStudents1764000000200],
  validateOptions: validateStudentsOptions,
  loadStep: async () => (await import('./students.sync')).runStudentsSync,
  loadRecordBrowser: async () => (await import('./students.records')).studentsRecordBrowser,
};
