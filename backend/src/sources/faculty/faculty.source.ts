import type { SourceDefinition } from '../../sync/source-definition';
import { CreateFacultyMembers1764000000100 } from './migrations/1764000000100-create-faculty-members';

export const facultySource: SourceDefinition = {
  id: 'faculty',
  defaultTimeoutSeconds: 3600,
  connectionEnv: { baseUrl: 'GOLESTAN_BASE_URL', username: 'GOLESTAN_USERNAME', password: 'GOLESTAN_PASSWORD' },
  // Kept equal to FACULTY_DEFAULT_OPTIONS in faculty.sync.ts, which this file must not import (see loadStep).
  defaultOptions: { pageSize: 500, requestTimeoutMs: 30_000, maxRetries: 4, retryBaseMs: 500 },
  migrations: [CreateFacultyMembers1764000000100],
  loadStep: async () => (await import('./faculty.sync')).runFacultySync,
  recordTables: [
    {
      id: 'members',
      columns: ['professorCode', 'personnelId', 'field', 'campusName', 'provinceName', 'mobile', 'email'],
      load: async () => (await import('./faculty.records')).facultyMembersBrowser,
    },
  ],
  testConnection: async (settings, signal) => (await import('./faculty.test-connection')).testFacultyConnection(settings, signal),
};
