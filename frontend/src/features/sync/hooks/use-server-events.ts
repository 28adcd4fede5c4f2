import { useEffect, useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { SERVER_EVENT_TYPES } from '@hamgam/shared';
import { applyServerEvent, parseServerEvent, resyncAfterOutage } from '../utils/server-events';

export const EVENTS_URL = '/api/events';
// EventSource reconnects by itself after a dropped connection; it gives up (CLOSED) only when the
// server answers with an error status, and then we try again after this delay.
const RECONNECT_DELAY_MS = 5_000;
const CLOSED = 2;

/** Opens the one `EventSource` of the app, feeds its events into the query cache, and says whether it is open. */
export function useServerEvents(): boolean {
  const queryClient = useQueryClient();
  const [isLive, setIsLive] = useState(false);

  useEffect(() => {
    if (typeof EventSource === 'undefined') return;
    let stream: EventSource | null = null;
    let reconnectTimer: ReturnType<typeof setTimeout> | undefined;
    let missedEvents = false;

    const onEvent = (message: MessageEvent<string>) => {
      const event = parseServerEvent(message.data);
      if (event) applyServerEvent(queryClient, event);
    };

    const connect = () => {
      const current = new EventSource(EVENTS_URL);
      stream = current;
      current.onopen = () => {
        setIsLive(true);
        if (missedEvents) resyncAfterOutage(queryClient);
        missedEvents = false;
      };
      current.onerror = () => {
        setIsLive(false);
        missedEvents = true;
        if (current.readyState === CLOSED) {
          current.close();
          reconnectTimer = setTimeout(connect, RECONNECT_DELAY_MS);
        }
      };
      for (const type of SERVER_EVENT_TYPES) current.addEventListener(type, onEvent as EventListener);
    };

    connect();
    return () => {
      clearTimeout(reconnectTimer);
      stream?.close();
      setIsLive(false);
    };
  }, [queryClient]);

  return isLive;
}
