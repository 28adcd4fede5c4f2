import type { SchedulePreviewQuery } from './get-schedule-preview';

/** Query keys of the scheduling settings: all → config() and all → previews() → preview(query). */
export const scheduleKeys = {
  all: ['schedules'] as const,
  config: () => [...scheduleKeys.all, 'config'] as const,
  previews: () => [...scheduleKeys.all, 'preview'] as const,
  preview: (query: SchedulePreviewQuery) => [...scheduleKeys.previews(), query] as const,
};
