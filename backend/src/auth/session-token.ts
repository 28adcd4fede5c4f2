import type { CookieOptions, Request } from 'express';
import type { AppConfig } from '../config/config';

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
