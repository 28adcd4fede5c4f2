import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiClient } from '../../../lib/api-client';

/** Ends every session of the signed-in user, on every device, this one included. */
export function logoutEverywhere(): Promise<void> {
  return apiClient.post<void>('/auth/logout-all');
}

export function useLogoutEverywhere() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: logoutEverywhere,
    onSettled: () => queryClient.clear(),
  });
}
