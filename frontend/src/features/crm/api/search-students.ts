import { useQuery } from '@tanstack/react-query';
import type { RecordListQuery, RecordPage } from '@hamgam/shared';
import { apiClient } from '../../../lib/api-client';
import { recordKeys } from '../../../lib/record-keys';

/** Students matching a number, name or national code, through the students' own records search (same cache). */
export function useStudentSearch(q: string) {
  const query: RecordListQuery = { q, page: 1, pageSize: 10 };
  return useQuery({
    queryKey: recordKeys.list('students', query),
    queryFn: ({ signal }) => apiClient.get<RecordPage>('/sources/students/records', { query, signal }),
    enabled: q.length > 0,
  });
}
