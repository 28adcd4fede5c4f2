import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { CreateChannelRequest, NotificationChannel, NotificationDelivery, UpdateChannelRequest } from '@hamgam/shared';
import { apiClient } from '../../../lib/api-client';
import { alertKeys } from './alert-keys';

const path = (id: string) => `/notifications/channels/${encodeURIComponent(id)}`;

export type UpdateChannelVariables = { id: string } & UpdateChannelRequest;

export function useCreateChannel() {
  const queryClient = useQueryClient();
  return useMutation({
    meta: { showsOwnErrors: true },
    mutationFn: (request: CreateChannelRequest) => apiClient.post<NotificationChannel>('/notifications/channels', request),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: alertKeys.channels() }),
  });
}

export function useUpdateChannel() {
  const queryClient = useQueryClient();
  return useMutation({
    meta: { showsOwnErrors: true },
    mutationFn: ({ id, ...request }: UpdateChannelVariables) => apiClient.patch<NotificationChannel>(path(id), request),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: alertKeys.channels() }),
  });
}

export function useDeleteChannel() {
  const queryClient = useQueryClient();
  return useMutation({
    meta: { showsOwnErrors: true },
    mutationFn: (id: string) => apiClient.delete<void>(path(id)),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: alertKeys.channels() }),
  });
}

/** Queues a test message; the deliveries list then follows it until it is sent or failed. */
export function useTestChannel() {
  const queryClient = useQueryClient();
  return useMutation({
    meta: { showsOwnErrors: true },
    mutationFn: (id: string) => apiClient.post<NotificationDelivery>(`${path(id)}/test`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: alertKeys.deliveries() }),
  });
}
