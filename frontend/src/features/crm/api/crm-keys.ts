/** Query keys of the CRM's own data: all → watermark(lastRunId). */
export const crmKeys = {
  all: ['crm'] as const,
  watermarks: () => [...crmKeys.all, 'watermark'] as const,
  // The last run is in the key: a run that ends moves the watermark, and the card's source list already refetches then.
  watermark: (lastRunId: string | null) => [...crmKeys.watermarks(), lastRunId] as const,
};
