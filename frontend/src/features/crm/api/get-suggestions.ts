import { useQuery } from '@tanstack/react-query';
import type { CrmLinkSuggestion } from '@hamgam/shared';
import { apiClient } from '../../../lib/api-client';
import { crmKeys } from './crm-keys';

export function getCrmSuggestions(contactId: string, signal?: AbortSignal): Promise<CrmLinkSuggestion[]> {
  return apiClient.get<CrmLinkSuggestion[]>(`/sources/crm/contacts/${encodeURIComponent(contactId)}/suggestions`, { signal });
}

/** Students whose national code or mobile matches the contact's: shown first in the link dialog. */
export function useCrmSuggestions(contactId: string) {
  return useQuery({ queryKey: crmKeys.suggestions(contactId), queryFn: ({ signal }) => getCrmSuggestions(contactId, signal) });
}
