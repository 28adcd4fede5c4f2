import { createContext, useContext } from 'react';

/** Whether the server event stream is open. Without a provider the app assumes it is down and polls. */
export const LiveUpdatesContext = createContext(false);

export function useIsLive(): boolean {
  return useContext(LiveUpdatesContext);
}
