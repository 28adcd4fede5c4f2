import type { ConnectionUpdate, Source } from '@hamgam/shared';
import { patchSource, useSourceSave } from '../../../lib/source-save';

export type UpdateConnectionVariables = { sourceId: string; connection: ConnectionUpdate };

export function updateConnection({ sourceId, connection }: UpdateConnectionVariables): Promise<Source> {
  return patchSource(sourceId, { connection });
}

/** Saves a source's connection; a 400 carries `fields` keyed like `connection.baseUrl`. */
export function useUpdateConnection() {
  return useSourceSave(updateConnection);
}
