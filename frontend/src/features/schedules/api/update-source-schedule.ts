import type { Source, UpdateSourceRequest } from '@hamgam/shared';
import { patchSource, useSourceSave } from '../../../lib/source-save';

export type UpdateSourceScheduleVariables = { sourceId: string } & Pick<UpdateSourceRequest, 'autoSync' | 'timeoutSeconds'>;

export function updateSourceSchedule({ sourceId, ...request }: UpdateSourceScheduleVariables): Promise<Source> {
  return patchSource(sourceId, request);
}

/** Saves a source's schedule settings; a 400 carries `fields` keyed like `autoSync.every`. */
export function useUpdateSourceSchedule() {
  return useSourceSave(updateSourceSchedule);
}
