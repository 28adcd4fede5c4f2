import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { LoginRequest, User } from '@hamgam/shared';
import { apiClient } from '../../../lib/api-client';
import { SESSION_QUERY_KEY } from '../../../lib/session';

export function login(request: LoginRequest): Promise<User> {
  return apiClient.post<User>('/auth/login', request);
}

export function useLogin() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationKey: ['auth', 'login'],
    meta: { showsOwnErrors: true },
    mutationFn: login,
    onSuccess: (user) => {
      // Whatever was cached belongs to the previous session.
      queryClient.clear();
      queryClient.setQueryData(SESSION_QUERY_KEY, user);
    },
  });
}
