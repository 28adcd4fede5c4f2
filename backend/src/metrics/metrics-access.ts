import { timingSafeEqual } from 'node:crypto';
import { isIP } from 'node:net';

export type MetricsRequest = {
  authorization: string | undefined;
  /** The address of the TCP peer. */
  socketAddress: string | undefined;
  /** True when a proxy header says the request came through one (then the peer is not the client). */
  isForwarded: boolean;
};

/** 200 when the scrape may read the metrics, 401 for a missing or wrong token, 403 for a remote client without a token set. */
export type MetricsAccess = 200 | 401 | 403;

function isLoopback(address: string | undefined): boolean {
  if (!address) return false;
  const plain = address.startsWith('::ffff:') ? address.slice(7) : address;
  if (isIP(plain) === 4) return plain.startsWith('127.');
  return plain === '::1';
}

function sameToken(sent: string, expected: string): boolean {
  const a = Buffer.from(sent);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * With `METRICS_TOKEN` set, only `Authorization: Bearer <token>` reads the metrics. Without it, only a client on
 * this machine does: a loopback peer that no proxy forwarded (a proxy on the same machine would make everyone local).
 */
export function metricsAccess(request: MetricsRequest, token: string | null): MetricsAccess {
  if (token !== null) {
    const match = /^Bearer\s+(\S+)\s*$/i.exec(request.authorization ?? '');
    return match && sameToken(match[1], token) ? 200 : 401;
  }
  return isLoopback(request.socketAddress) && !request.isForwarded ? 200 : 403;
}
