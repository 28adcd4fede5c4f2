import { useMutation, useQueryClient, type QueryKey } from '@tanstack/react-query';
import type { CrmLinkRequest, CrmOutboxItem, RecordPage } from '@hamgam/shared';
import { apiClient, isApiError } from '../../../lib/api-client';
import { recordKeys } from '../../../lib/record-keys';
import { crmKeys } from './crm-keys';

export function linkCrmContact(request: CrmLinkRequest): Promise<CrmOutboxItem> {
  return apiClient.post<CrmOutboxItem>('/sources/crm/links', request);
}

const crmRecordLists = () => recordKeys.source('crm');
const studentRecordLists = () => recordKeys.source('students');

const MAX_RETRIES = 2;

/** A refusal (4xx) answers the same again; a network error or 5xx is retried before it is shown. */
export function shouldRetryLink(failureCount: number, error: unknown): boolean {
  if (isApiError(error) && error.status < 500) return false;
  return failureCount < MAX_RETRIES;
}

type Snapshot = [QueryKey, RecordPage | undefined][];

function withLink(page: RecordPage | undefined, { contactId, studentNumber }: CrmLinkRequest): RecordPage | undefined {
  if (!page || page.table !== 'contacts') return page;
  return {
    ...page,
    items: page.items.map((record) => (record.key === contactId ? { ...record, fields: { ...record.fields, studentNumber } } : record)),
  };
}

/**
 * Links a CRM contact to a student (or unlinks it). The contact's row shows the link at once; a refusal puts
 * the row back as it was. On success exactly what shows the contact, the student, the outbox and the
 * conflicts refetches.
 */
export function useLinkCrmContact() {
  const queryClient = useQueryClient();
  return useMutation({
    meta: { showsOwnErrors: true },
    mutationFn: linkCrmContact,
    retry: shouldRetryLink,
    retryDelay: (attempt) => Math.min(500 * 2 ** attempt, 4_000),
    onMutate: async (request): Promise<{ snapshot: Snapshot }> => {
      await queryClient.cancelQueries({ queryKey: crmRecordLists() });
      const snapshot = queryClient.getQueriesData<RecordPage>({ queryKey: crmRecordLists() });
      queryClient.setQueriesData<RecordPage>({ queryKey: crmRecordLists() }, (page) => withLink(page, request));
      return { snapshot };
    },
    onError: (_error, _request, context) => {
      for (const [key, page] of context?.snapshot ?? []) queryClient.setQueryData(key, page);
    },
    onSuccess: (queued) => {
      // The stored contact changes only when the next run pushes the link: until then the outbox holds it,
      // and the contact's row shows it from there (see withPendingLinks).
      queryClient.setQueryData<CrmOutboxItem[]>(crmKeys.outbox(), (items) => (items ? [queued, ...items.filter((item) => item.id !== queued.id)] : items));
      return Promise.all([
        queryClient.invalidateQueries({ queryKey: crmRecordLists() }),
        queryClient.invalidateQueries({ queryKey: studentRecordLists() }),
        queryClient.invalidateQueries({ queryKey: crmKeys.outbox() }),
        queryClient.invalidateQueries({ queryKey: crmKeys.conflictLists() }),
        // The card counts what waits in the outbox.
        queryClient.invalidateQueries({ queryKey: crmKeys.statsAll() }),
      ]);
    },
  });
}
