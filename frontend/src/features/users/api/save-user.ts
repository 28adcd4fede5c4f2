import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { CreateUserRequest, UpdateUserRequest, User } from '@hamgam/shared';
import { apiClient } from '../../../lib/api-client';
import { userKeys } from './user-keys';

export function createUser(request: CreateUserRequest): Promise<User> {
  return apiClient.post<User>('/users', request);
}

export type UpdateUserVariables = { id: string } & UpdateUserRequest;

export function updateUser({ id, ...request }: UpdateUserVariables): Promise<User> {
  return apiClient.patch<User>(`/users/${encodeURIComponent(id)}`, request);
}

export function useCreateUser() {
  const queryClient = useQueryClient();
  return useMutation({
    meta: { showsOwnErrors: true },
    mutationFn: createUser,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: userKeys.lists() }),
  });
}

export function useUpdateUser() {
  const queryClient = useQueryClient();
  return useMutation({
    meta: { showsOwnErrors: true },
    mutationFn: updateUser,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: userKeys.lists() }),
  });
}
