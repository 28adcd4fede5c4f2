import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Source } from '@hamgam/shared';
import { apiClient } from '../../../lib/api-client';
import { sourceKeys } from '../../../lib/source-keys';
import type { StudentsOptionsUpdate } from '../utils/students-options-form';

export type UpdateStudentsOptionsVariables = { sourceId: string; options: StudentsOptionsUpdate };

export function updateStudentsOptions({ sourceId, options }: UpdateStudentsOptionsVariables): Promise<Source> {
  return apiClient.patch<Source>(`/sources/${encodeURIComponent(sourceId)}`, { options });
}

/** Saves the campus list and year range; a 400 carries `fields` keyed like `options.campuses`. */
export function useUpdateStudentsOptions() {
  const queryClient = useQueryClient();
  return useMutation({
    meta: { showsOwnErrors: true },
    mutationFn: updateStudentsOptions,
    onSuccess: async (source) => {
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: sourceKeys.lists() }),
        queryClient.invalidateQueries({ queryKey: sourceKeys.detail(source.id) }),
      ]);
    },
  });
}
