import { randomBytes } from 'node:crypto';
import type { Request } from 'express';
import { loadConfig } from '../config/config';
import { readCookie, sessionCookieOptions, signSession, verifySession } from './session-token';

describe('session tokens', () => {
  const key = randomBytes(32);
  const claims = { uid: 7, ver: 2, exp: 2_000_000_000 };

  it('should give back the claims when the token is intact and unexpired', () => {
    expect(verifySession(signSession(claims, key), key, 1_000_000_000_000)).toEqual(claims);
  });

  it('should refuse the token when it has expired', () => {
    expect(verifySession(signSession(claims, key), key, claims.exp * 1000)).toBeNull();
  });

  it('should refuse the token when its payload was changed or another key signed it', () => {
    const [, mac] = signSession(claims, key).split('.');
    const forged = Buffer.from(JSON.stringify({ ...claims, uid: 1 })).toString('base64url');
    expect(verifySession(`${forged}.${mac}`, key, 0)).toBeNull();
    expect(verifySession(signSession(claims, randomBytes(32)), key, 0)).toBeNull();
    expect(verifySession('garbage', key, 0)).toBeNull();
  });

  it('should read one cookie when the header has several', () => {
    expect(readCookie('a=1; hamgam_session=abc.def; b=2', 'hamgam_session')).toBe('abc.def');
    expect(readCookie(undefined, 'hamgam_session')).toBeNull();
  });

  it('should read no session when the value is not valid percent-encoding', () => {
    expect(readCookie('hamgam_session=%E0%A4%A', 'hamgam_session')).toBeNull();
    expect(readCookie('other=%zz; hamgam_session=ok', 'hamgam_session')).toBe('ok');
  });

  it('should mark the cookie Secure as COOKIE_SECURE says, following the request when auto', () => {
    const https = { secure: true } as Request;
    const http = { secure: false } as Request;
    const config = (value?: string) => loadConfig({ WORKER_ENTRY: __filename, ...(value ? { COOKIE_SECURE: value } : {}) });
    expect(sessionCookieOptions(config(), https).secure).toBe(true);
    expect(sessionCookieOptions(config(), http).secure).toBe(false);
    expect(sessionCookieOptions(config('true'), http).secure).toBe(true);
    expect(sessionCookieOptions(config('false'), https).secure).toBe(false);
    expect(() => config('sometimes')).toThrow(/COOKIE_SECURE must be auto, true or false/);
  });
});
