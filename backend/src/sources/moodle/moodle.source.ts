import { MOODLE_USER_SENSITIVE_FIELDS } from './moodle.sensitive';
import type { SourceDefinition } from '../../sync/source-definition';
import { CreateMoodleTables1764000000300 } from './migrations/1764000000300-create-moodle-tables';
import { moodleSettings } from './moodle.options';
import { moodleRejectReasons } from './moodle.reject-reasons';

export const moodleSource: SourceDefinition = {
  id: 'moodle',
  names: { fa: 'مودل', en: 'Moodle' },
  rejectReasons: moodleRejectReasons,
  // `recent` re-analyses only the courses whose timemodified/cacherev moved since their last analysis.
  modes: ['full', 'recent'],
  defaultTimeoutSeconds: 1800,
  settings: moodleSettings,
  migrations: [CreateMoodleTables1764000000300],
  loadStep: async () => (await import('./moodle.sync')).runMoodleSync,
  canDryRun: true,
  loadDeletionApplier: async () => (await import('./moodle.deletions')).applyMoodleDeletions,
  recordTables: [
    {
      id: 'courses',
      columns: ['shortName', 'category', 'term', 'classification', 'activities', 'enrolledUsers'],
      load: async () => (await import('./moodle.records')).moodleCoursesBrowser,
    },
    // The first cross-source reconciliation: Moodle users and the student or faculty member each one matched.
    {
      id: 'users',
      columns: ['username', 'idnumber', 'email', 'match', 'matchedKey', 'courses', 'roles'],
      sensitive: MOODLE_USER_SENSITIVE_FIELDS,
      load: async () => (await import('./moodle.records')).moodleUsersBrowser,
    },
    {
      id: 'categories',
      columns: ['idnumber', 'parent', 'depth', 'visible', 'courses'],
      load: async () => (await import('./moodle.records')).moodleCategoriesBrowser,
    },
  ],
  testConnection: async (settings, signal) => (await import('./moodle.test-connection')).testMoodleConnection(settings, signal),
};
