import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { CrmWatermark } from '@hamgam/shared';
import { apiClient } from '../../../lib/api-client';
import { crmKeys } from './crm-keys';

export function resetCrmWatermark(): Promise<CrmWatermark> {
  return apiClient.post<CrmWatermark>('/sources/crm/watermark/reset', {});
}

/** "Read everything again": the next run of the CRM starts from the beginning. */
export function useResetCrmWatermark() {
  const queryClient = useQueryClient();
  return useMutation({
    meta: { showsOwnErrors: true },
    mutationFn: resetCrmWatermark,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: crmKeys.watermarks() }),
  });
}
