import type { SourceDefinition } from '../../sync/source-definition';
import { facultySettings } from './faculty.settings';
import { CreateFacultyMembers1764000000100 } from './migrations/1764000000100-create-faculty-members';
import { facultyRejectReasons } from './faculty.reject-reasons';
import { FACULTY_SENSITIVE_FIELDS } from './faculty.sensitive';

export const facultySource: SourceDefinition = {
  id: 'faculty',
  names: { fa: 'اعضای هیئت علمی', en: 'Faculty members' },
  rejectReasons: facultyRejectReasons,
  defaultTimeoutSeconds: 3600,
  settings: facultySettings,
  migrations: [CreateFacultyMembers1764000000100],
  loadStep: async () => (await import('./faculty.sync')).runFacultySync,
  canDryRun: true,
  loadDeletionApplier: async () => (await import('./faculty.deletions')).applyFacultyDeletions,
  recordTables: [
    {
      id: 'members',
      columns: ['professorCode', 'personnelId', 'field', 'campusName', 'provinceName', 'mobile', 'email'],
      sensitive: FACULTY_SENSITIVE_FIELDS,
      load: async () => (await import('./faculty.records')).facultyMembersBrowser,
    },
  ],
  testConnection: async (settings, signal) => (await import('./faculty.test-connection')).testFacultyConnection(settings, signal),
};
