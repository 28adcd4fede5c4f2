import type { Source } from '@hamgam/shared';
import { patchSource, useSourceSave } from '../../../lib/source-save';
import type { StudentsOptionsUpdate } from '../utils/students-options-form';

export type UpdateStudentsOptionsVariables = { sourceId: string; options: StudentsOptionsUpdate };

export function updateStudentsOptions({ sourceId, options }: UpdateStudentsOptionsVariables): Promise<Source> {
  return patchSource(sourceId, { options });
}

/** Saves the campus list and year range; a 400 carries `fields` keyed like `options.campuses`. */
export function useUpdateStudentsOptions() {
  return useSourceSave(updateStudentsOptions);
}
