import type { SourceDefinition } from '../sync/source-definition';
import { facultySource } from './faculty/faculty.source';

/** Every connector source, registered with the sync core by one line each. */
export const SOURCE_DEFINITIONS: readonly SourceDefinition[] = [facultySource];

export function findSourceDefinition(id: string): SourceDefinition | undefined {
  return SOURCE_DEFINITIONS.find((definition) => definition.id === id);
}
