import { useMutation } from '@tanstack/react-query';
import type { ConnectionTestResult, ConnectionUpdate } from '@hamgam/shared';
import { apiClient } from '../../../lib/api-client';

export type TestConnectionVariables = {
  sourceId: string;
  /** The settings form's values, saved or not; fields left out fall back to the stored ones. */
  connection?: ConnectionUpdate;
};

export function testConnection({ sourceId, connection }: TestConnectionVariables): Promise<ConnectionTestResult> {
  return apiClient.post<ConnectionTestResult>(`/sources/${encodeURIComponent(sourceId)}/test-connection`, connection ? { connection } : {});
}

/** Tests a connection; it changes nothing on the server, so nothing is invalidated. */
export function useTestConnection() {
  return useMutation({ meta: { showsOwnErrors: true }, mutationFn: testConnection });
}
