import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { AcademicCalendar, AcademicCalendarInput } from '@hamgam/shared';
import { apiClient } from '../../../lib/api-client';
import { calendarKeys } from './calendar-keys';

export function saveCalendar(calendar: AcademicCalendarInput): Promise<AcademicCalendar> {
  return apiClient.put<AcademicCalendar>('/calendar', calendar);
}

/** Saves the whole calendar; the answer is the stored calendar, put in the cache as is. */
export function useSaveCalendar() {
  const queryClient = useQueryClient();
  return useMutation({
    meta: { showsOwnErrors: true },
    mutationFn: saveCalendar,
    onSuccess: (saved) => queryClient.setQueryData(calendarKeys.detail(), saved),
  });
}
