import { HttpException, HttpStatus, Inject, Injectable, UnauthorizedException } from '@nestjs/common';
import type { Response } from 'express';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import type { User } from '@hamgam/shared';
import { AuditService } from '../audit/audit.service';
import { loadOrCreateKey } from '../common/crypto/secret-box';
import { APP_CONFIG, type AppConfig } from '../config/config';
import { LoginLimiter } from './login-limiter';
import { DUMMY_HASH, verifyPassword } from './password';
import { readCookie, SESSION_COOKIE, sessionCookieOptions, signSession, verifySession } from './session-token';
import type { AuthenticatedRequest, SessionUser } from './session-user';
import { normalizeUsername, toUser, UsersService } from './users.service';

// One message for an unknown user, a wrong password and an inactive account: nothing to enumerate.
const BAD_CREDENTIALS = 'wrong username or password';

@Injectable()
export class AuthService {
  private readonly key: Buffer;
  private readonly limiter: LoginLimiter;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly users: UsersService,
    private readonly audit: AuditService,
  ) {
    this.key = loadOrCreateKey(config.sessionKey, join(config.dataDir, 'session.key'));
    this.limiter = new LoginLimiter({
      maxTries: config.loginMaxTries,
      maxTriesPerAddress: config.loginMaxTriesPerAddress,
      windowMs: config.loginWindowMinutes * 60_000,
    });
  }

  async login(request: AuthenticatedRequest, response: Response, username: string, password: string): Promise<User> {
    const name = normalizeUsername(username);
    // The address Express derived with TRUST_PROXY: a client cannot choose it by writing X-Forwarded-For.
    const address = request.ip ?? 'unknown';
    const verdict = this.limiter.check(name, address);
    if (verdict.retryAfterMs > 0) {
      response.setHeader('Retry-After', String(Math.ceil(verdict.retryAfterMs / 1000)));
      throw new HttpException({ message: 'too many failed sign-ins; try again later' }, HttpStatus.TOO_MANY_REQUESTS);
    }
    // A username failed from many addresses is slowed, never locked: the right password still signs in.
    if (verdict.delayMs > 0) await sleep(verdict.delayMs);
    const user = await this.users.findByUsername(name);
    const isValid = await verifyPassword(password, user?.passwordHash ?? DUMMY_HASH);
    if (!user || !isValid || !user.isActive) {
      await this.audit.record(request, { action: 'login.failed', actor: null, target: `username:${name.slice(0, 64)}`, details: { reason: !user ? 'unknown user' : !isValid ? 'wrong password' : 'inactive' } });
      for (const locked of this.limiter.fail(name, address)) {
        const isAddress = locked.kind === 'address';
        await this.audit.record(request, {
          action: 'login.locked',
          actor: null,
          target: isAddress ? `ip:${address.slice(0, 64)}` : `username:${name.slice(0, 64)}`,
          details: { scope: locked.kind, minutes: this.config.loginWindowMinutes, tries: isAddress ? this.config.loginMaxTriesPerAddress : this.config.loginMaxTries },
        });
      }
      throw new UnauthorizedException(BAD_CREDENTIALS);
    }
    this.limiter.succeed(name, address);
    await this.users.markSignedIn(user.id);
    const exp = Math.floor(Date.now() / 1000) + this.config.sessionHours * 3600;
    response.cookie(SESSION_COOKIE, signSession({ uid: user.id, ver: user.sessionVersion, exp }, this.key), { ...sessionCookieOptions(this.config, request), maxAge: this.config.sessionHours * 3_600_000 });
    request.user = { id: user.id, username: user.username, displayName: user.displayName, role: user.role };
    await this.audit.record(request, { action: 'login', target: `user:${user.id}` });
    return toUser((await this.users.findById(user.id))!);
  }

  async logout(request: AuthenticatedRequest, response: Response): Promise<void> {
    response.clearCookie(SESSION_COOKIE, sessionCookieOptions(this.config, request));
    await this.audit.record(request, { action: 'logout', target: request.user ? `user:${request.user.id}` : null });
  }

  /** The signed-in user of a request: a valid, unexpired cookie of an active user whose sessions were not ended. */
  async authenticate(request: AuthenticatedRequest): Promise<SessionUser | null> {
    const token = readCookie(request.headers.cookie, SESSION_COOKIE);
    const claims = token ? verifySession(token, this.key) : null;
    if (!claims) return null;
    const user = await this.users.findById(claims.uid);
    if (!user || !user.isActive || user.sessionVersion !== claims.ver) return null;
    return { id: user.id, username: user.username, displayName: user.displayName, role: user.role };
  }
}
