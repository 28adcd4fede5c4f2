import { queryOptions, useQuery } from '@tanstack/react-query';
import type { NotificationDelivery, Page } from '@hamgam/shared';
import { apiClient } from '../../../lib/api-client';
import { alertKeys } from './alert-keys';

export const DELIVERIES_PAGE_SIZE = 20;

export function getDeliveries(page: number, signal?: AbortSignal): Promise<Page<NotificationDelivery>> {
  return apiClient.get<Page<NotificationDelivery>>('/notifications/deliveries', { query: { page, pageSize: DELIVERIES_PAGE_SIZE }, signal });
}

export function getDeliveriesQueryOptions(page: number) {
  return queryOptions({
    queryKey: alertKeys.deliveryList(page),
    queryFn: ({ signal }) => getDeliveries(page, signal),
    // A delivery is sent or retried apart from the page: follow it while one on the page is still pending.
    refetchInterval: (query) => (query.state.data?.items.some((delivery) => delivery.status === 'pending') ? 2000 : false),
  });
}

export function useDeliveries(page: number) {
  return useQuery(getDeliveriesQueryOptions(page));
}
