import type { WorkerSteps } from '../sync/worker/worker-process';

/**
 * The worker's catalog: each source's step by id, imported only when a run of that source starts. It names the
 * steps, not the definitions (`registry.ts`): those hold the settings declarations, which load zod (~12 MB a
 * process), and a worker reads none of them (the API hands it the options already read). `registry.spec.ts`
 * checks that both list the same sources with the same steps.
 */
export const WORKER_STEPS: WorkerSteps = {
  faculty: async () => (await import('./faculty/faculty.sync')).runFacultySync,
  students: async () => (await import('./students/students.sync')).runStudentsSync,
  moodle: async () => (await import('./moodle/moodle.sync')).runMoodleSync,
  crm: async () => (await import('./crm/crm.sync')).runCrmSync,
};
