/** The fallback when the event stream is down: active runs are polled this often. */
export const POLL_INTERVAL_MS = 2_000;

/** A `refetchInterval` value: poll while the condition holds, stop (false) otherwise. */
export function pollWhile(condition: boolean): number | false {
  return condition ? POLL_INTERVAL_MS : false;
}
