import type { Source } from '@hamgam/shared';
import { apiClient } from '../../../lib/api-client';
import { useSourceSave } from '../../../lib/source-save';

export function clearBackoff(sourceId: string): Promise<Source> {
  return apiClient.post<Source>(`/sources/${encodeURIComponent(sourceId)}/auto-sync/clear-back-off`);
}

/** Forgets the failures of scheduled runs and resumes a paused schedule. */
export function useClearBackoff() {
  return useSourceSave(clearBackoff);
}
