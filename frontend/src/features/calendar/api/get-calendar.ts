import { queryOptions, useQuery } from '@tanstack/react-query';
import type { AcademicCalendar } from '@hamgam/shared';
import { apiClient } from '../../../lib/api-client';
import { calendarKeys } from './calendar-keys';

export function getCalendar(signal?: AbortSignal): Promise<AcademicCalendar> {
  return apiClient.get<AcademicCalendar>('/calendar', { signal });
}

export function getCalendarQueryOptions() {
  return queryOptions({ queryKey: calendarKeys.detail(), queryFn: ({ signal }) => getCalendar(signal) });
}

export function useCalendar() {
  return useQuery(getCalendarQueryOptions());
}
