/** What `GET /api/schedules/preview` reads: a cron expression or an interval, the quiet window if there is one, and the academic calendar's part. */
export type SchedulePreviewQuery = {
  cron?: string;
  every?: number;
  unit?: string;
  quietStart?: string;
  quietEnd?: string;
  quietDays?: string;
  skipClosures?: 'true';
  inTermEvery?: number;
  inTermUnit?: string;
};

/** Query keys of the scheduling settings: all → config() and all → previews() → preview(query). */
export const scheduleKeys = {
  all: ['schedules'] as const,
  config: () => [...scheduleKeys.all, 'config'] as const,
  previews: () => [...scheduleKeys.all, 'preview'] as const,
  preview: (query: SchedulePreviewQuery) => [...scheduleKeys.previews(), query] as const,
};
