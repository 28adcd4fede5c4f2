/** Query keys of the academic calendar: all → detail(). */
export const calendarKeys = {
  all: ['calendar'] as const,
  detail: () => [...calendarKeys.all, 'detail'] as const,
};
