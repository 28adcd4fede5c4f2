import { randomBytes } from 'node:crypto';
import { readCookie, signSession, verifySession } from './session-token';

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
});
