import { SyncError } from '../sync-error';
import { TransientError } from './retry';

// An admin can point a source at any address, so what an upstream answers must not turn the panel into a probe
// of the internal network: errors are summaries (the HTTP status, a known upstream error code, a fixed text per
// kind), every failure below HTTP reads the same, and foreign bodies are never quoted. The technical detail
// (status, error code, errno) goes to `SyncError.detail`, for logs only.

/** The one message for every failure below HTTP: refused, reset, unreachable, timed out, TLS or not HTTP at all. */
export const NO_HTTP_ANSWER =
  'no HTTP answer (the address could not be reached, refused or dropped the connection, did not answer in time, or does not speak HTTP)';

/** The failure of a request that got no HTTP answer; `detail` (errno, timeout) is for logs. */
export function noHttpAnswer(target: string, detail: string): TransientError {
  return new TransientError('network', `${target}: ${NO_HTTP_ANSWER}`, null, detail);
}

let allowedHosts: readonly string[] | null = null;

/** Sets the process's allow-list (`UPSTREAM_ALLOWED_HOSTS`): the API at boot, a worker from its start message. */
export function setAllowedUpstreamHosts(hosts: readonly string[] | null): void {
  allowedHosts = hosts === null ? null : hosts.map((host) => host.toLowerCase());
}

/** True when `url` may be asked: no allow-list, or its host (any port) or host:port is on it. */
export function isAllowedUpstream(url: string, hosts: readonly string[] | null = allowedHosts): boolean {
  if (hosts === null) return true;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  const host = parsed.hostname.toLowerCase().replace(/\.$/, '');
  const port = parsed.port || (parsed.protocol === 'https:' ? '443' : '80');
  return hosts.some((entry) => {
    const match = /^(\[[^\]]+\]|[^:]+)(?::(\d+))?$/.exec(entry);
    return match !== null && match[1] === host && (match[2] === undefined || match[2] === port);
  });
}

export const NOT_ALLOWED_HOST = 'this host is not in the allowed upstream hosts (UPSTREAM_ALLOWED_HOSTS)';

/** Defence in depth under the API's own check: a request to a host off the allow-list is never sent. */
export function assertAllowedUpstream(url: string, target: string): void {
  if (!isAllowedUpstream(url)) throw new SyncError('network', `${target}: ${NOT_ALLOWED_HOST}`);
}
