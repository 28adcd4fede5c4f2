import type { SourceDefinition } from '../sync/source-definition';
import { facultySource } from './faculty/faculty.source';
import { studentsSource } from './students/students.source';
import { moodleSource } from './moodle/moodle.source';
import { crmSource } from './crm/crm.source';

/** Every connector source, registered with the sync core by one line each. */
export const SOURCE_DEFINITIONS: readonly SourceDefinition[] = [facultySource, studentsSource, moodleSource, crmSource];

export function findSourceDefinition(id: string): SourceDefinition | undefined {
  return SOURCE_DEFINITIONS.find((definition) => definition.id === id);
}
