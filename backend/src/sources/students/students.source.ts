import type { SourceDefinition } from '../../sync/source-definition';
import { CreateStudents1764000000200 } from './migrations/1764000000200-create-students';
import { STUDENTS_NUMERIC_DEFAULTS, validateStudentsOptions } from './students.options';

export const studentsSource: SourceDefinition = {
  id: 'students',
  modes: ['full', 'recent'],
  defaultTimeoutSeconds: 2 * 3600,
  connectionEnv: { baseUrl: 'GOLESTAN_BASE_URL', username: 'GOLESTAN_USERNAME', password: 'GOLESTAN_PASSWORD' },
  // The gateway cannot list its campuses: the old script kept them in a local table. The list starts empty and
  // is typed per university (PATCH /api/sources/students {options}); the demo seeds the stand-in gateway's.
  // Years are absent on purpose: a run then reads four years back to the current Jalali year.
  defaultOptions: { campuses: [], ...STUDENTS_NUMERIC_DEFAULTS },
  migrations: [CreateStudents1764000000200],
  validateOptions: validateStudentsOptions,
  loadStep: async () => (await import('./students.sync')).runStudentsSync,
  recordTables: [
    {
      id: 'students',
      // The campus code is in each term of the history; email and city stay out of a table that must fit a screen.
      columns: ['nationalCode', 'term', 'statusText', 'campusName', 'courseName', 'gradeName', 'mobile'],
      load: async () => (await import('./students.records')).studentsBrowser,
    },
  ],
  testConnection: async (settings, signal) => (await import('./students.test-connection')).testStudentsConnection(settings, signal),
};
