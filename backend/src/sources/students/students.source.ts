import type { SourceDefinition } from '../../sync/source-definition';
import { CreateStudents1764000000200 } from './migrations/1764000000200-create-students';
import { studentsSettings } from './students.options';
import { studentRejectReasons } from './students.reject-reasons';
import { STUDENT_SENSITIVE_FIELDS } from './students.sensitive';

export const studentsSource: SourceDefinition = {
  id: 'students',
  names: { fa: 'دانشجویان', en: 'Students' },
  rejectReasons: studentRejectReasons,
  modes: ['full', 'recent'],
  defaultTimeoutSeconds: 2 * 3600,
  settings: studentsSettings,
  migrations: [CreateStudents1764000000200],
  loadStep: async () => (await import('./students.sync')).runStudentsSync,
  canDryRun: true,
  loadDeletionApplier: async () => (await import('./students.deletions')).applyStudentDeletions,
  recordTables: [
    {
      id: 'students',
      // The campus code is in each term of the history; email and city stay out of a table that must fit a screen.
      columns: ['nationalCode', 'term', 'statusText', 'campusName', 'courseName', 'gradeName', 'mobile'],
      sensitive: STUDENT_SENSITIVE_FIELDS,
      load: async () => (await import('./students.records')).studentsBrowser,
    },
  ],
  testConnection: async (settings, signal) => (await import('./students.test-connection')).testStudentsConnection(settings, signal),
};
