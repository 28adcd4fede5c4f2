import { createHmac, timingSafeEqual } from 'node:crypto';
import type { CookieOptions, Request } from 'express';
import type { AppConfig } from '../config/config';

export type SessionClaims = {
  /** User id. */
  uid: number;
  /** The user's session version when signed in; bumping it (password reset, role change, deactivation) ends old sessions. */
  ver: number;
  /** Expiry, seconds since the epoch. */
  exp: number;
};

/** `base64url(JSON claims).base64url(HMAC-SHA256)`: stateless, tamper-evident, with its own expiry. */
export function signSession(claims: SessionClaims, key: Buffer): string {
  const payload = Buffer.from(JSON.stringify(claims)).toString('base64url');
  const mac = createHmac('sha256', key).update(payload).digest('base64url');
  return `${payload}.${mac}`;
}

/** The claims of a token this key signed and that has not expired; null for anything else. */
export function verifySession(token: string, key: Buffer, nowMs: number = Date.now()): SessionClaims | null {
  const [payload, mac, extra] = token.split('.');
  if (!payload || !mac || extra !== undefined) return null;
  const expected = createHmac('sha256', key).update(payload).digest();
  const given = Buffer.from(mac, 'base64url');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  let claims: unknown;
  try {
    claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
  } catch {
    return null;
  }
  const { uid, ver, exp } = (claims ?? {}) as Partial<SessionClaims>;
  if (!Number.isInteger(uid) || !Number.isInteger(ver) || typeof exp !== 'number') return null;
  if (exp * 1000 <= nowMs) return null;
  return { uid: uid!, ver: ver!, exp };
}

export const SESSION_COOKIE = 'hamgam_session';

/**
 * One cookie's value from a `Cookie` header (express does not parse cookies). A value that is not valid
 * percent-encoding is no value: it reads as no session (401), not as a server error.
 */
export function readCookie(header: string | undefined, name: string): string | null {
  if (!header) return null;
  for (const part of header.split(';')) {
    const index = part.indexOf('=');
    if (index < 0) continue;
    if (part.slice(0, index).trim() !== name) continue;
    try {
      return decodeURIComponent(part.slice(index + 1).trim());
    } catch {
      return null;
    }
  }
  return null;
}

/** The session cookie's attributes; Secure per COOKIE_SECURE, `auto` following the request as Express sees it. */
export function sessionCookieOptions(config: AppConfig, request: Request): CookieOptions {
  return { httpOnly: true, sameSite: 'strict', secure: config.cookieSecure === 'auto' ? request.secure : config.cookieSecure, path: '/' };
}
