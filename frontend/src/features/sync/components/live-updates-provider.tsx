import type { ReactNode } from 'react';
import { LiveUpdatesContext } from '../hooks/live-updates-context';
import { useServerEvents } from '../hooks/use-server-events';

export type LiveUpdatesProviderProps = { children: ReactNode };

export function LiveUpdatesProvider({ children }: LiveUpdatesProviderProps) {
  const isLive = useServerEvents();
  return <LiveUpdatesContext.Provider value={isLive}>{children}</LiveUpdatesContext.Provider>;
}
