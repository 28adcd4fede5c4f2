import type { IncidentStatus } from '@hamgam/shared';

/** Query keys of alerts: channels, deliveries (by page), incidents (by status and page) and the open count. */
export const alertKeys = {
  all: ['alerts'] as const,
  channels: () => [...alertKeys.all, 'channels'] as const,
  deliveries: () => [...alertKeys.all, 'deliveries'] as const,
  deliveryList: (page: number) => [...alertKeys.deliveries(), { page }] as const,
  incidents: () => [...alertKeys.all, 'incidents'] as const,
  incidentList: (status: IncidentStatus, page: number) => [...alertKeys.incidents(), { status, page }] as const,
  summary: () => [...alertKeys.all, 'summary'] as const,
};
