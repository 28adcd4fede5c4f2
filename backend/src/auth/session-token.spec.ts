import type { Request } from 'express';
import { loadConfig } from '../config/config';
import { readCookie, sessionCookieOptions } from './session-token';

describe('session cookie', () => {
  it('should read one cookie when the header has several', () => {
    expect(readCookie('a=1; hamgam_session=abc-def; b=2', 'hamgam_session')).toBe('abc-def');
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
