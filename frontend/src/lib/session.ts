import { createContext, useContext } from 'react';
import type { User } from '@hamgam/shared';

/** The query key of the signed-in user (`GET /api/auth/me`); a 401 anywhere refetches it. */
export const SESSION_QUERY_KEY = ['auth', 'me'] as const;

/** The signed-in user; null outside the signed-in part of the app. */
export const SessionContext = createContext<User | null>(null);

export function useSession(): User | null {
  return useContext(SessionContext);
}

/** Admin buttons (sync, cancel, settings, users) render only for admins; the server enforces it anyway. */
export function useIsAdmin(): boolean {
  return useSession()?.role === 'admin';
}
