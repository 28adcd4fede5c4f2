import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import { isApiError } from './api-client';
import { SESSION_QUERY_KEY } from './session';

/** The server problem currently shown in the app's banner; 5xx and unreachable-server errors land here, once. */
export type ServerProblem = { id: number; status: number | null; message: string | null };

type Listener = () => void;

let current: ServerProblem | null = null;
let nextId = 1;
const listeners = new Set<Listener>();

function setProblem(problem: ServerProblem | null): void {
  current = problem;
  for (const listener of listeners) listener();
}

export const serverProblems = {
  subscribe(listener: Listener): () => void {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
  current(): ServerProblem | null {
    return current;
  },
  dismiss(): void {
    setProblem(null);
  },
};

/** True for the errors the app handles globally: a 5xx answer, or no answer at all (network down). */
export function isServerProblem(error: unknown): boolean {
  if (isApiError(error)) return error.status >= 500;
  return error instanceof TypeError;
}

function reportGlobally(error: unknown): void {
  if (!isServerProblem(error)) return;
  setProblem({ id: nextId++, status: isApiError(error) ? error.status : null, message: isApiError(error) ? error.message : null });
}

const MAX_RETRIES = 2;

/** Retry transient failures only: a 4xx will answer the same again. */
export function shouldRetry(failureCount: number, error: unknown): boolean {
  if (isApiError(error) && error.status < 500) return false;
  return failureCount < MAX_RETRIES;
}

export type CreateQueryClientOptions = { retry?: boolean };

function isSignedOut(error: unknown): boolean {
  return isApiError(error) && error.status === 401;
}

export function createQueryClient({ retry = true }: CreateQueryClientOptions = {}): QueryClient {
  // A 401 means the session ended (expired, signed out elsewhere, deactivated): asking who is signed in
  // again answers 401 too, and the app shows the sign-in page.
  const onSignedOut = () => void client.invalidateQueries({ queryKey: SESSION_QUERY_KEY });
  const client: QueryClient = new QueryClient({
    queryCache: new QueryCache({
      onError: (error, query) => {
        if (!isSignedOut(error)) reportGlobally(error);
        else if (query.queryKey[0] !== SESSION_QUERY_KEY[0]) onSignedOut();
      },
    }),
    mutationCache: new MutationCache({
      // A mutation whose own view shows its errors (a dialog) sets `meta.showsOwnErrors`.
      onError: (error, _variables, _context, mutation) => {
        if (isSignedOut(error) && mutation.options.mutationKey?.[0] !== SESSION_QUERY_KEY[0]) onSignedOut();
        else if (mutation.meta?.showsOwnErrors !== true) reportGlobally(error);
      },
    }),
    defaultOptions: {
      queries: { retry: retry ? shouldRetry : false, staleTime: 5_000, refetchOnWindowFocus: true },
      mutations: { retry: false },
    },
  });
  return client;
}
