/** Query keys of the scheduling settings: all → config() and all → previews() → preview(cron). */
export const scheduleKeys = {
  all: ['schedules'] as const,
  config: () => [...scheduleKeys.all, 'config'] as const,
  previews: () => [...scheduleKeys.all, 'preview'] as const,
  preview: (cron: string) => [...scheduleKeys.previews(), cron] as const,
};
