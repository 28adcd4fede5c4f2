import { HttpException, HttpStatus, Inject, Injectable, UnauthorizedException } from '@nestjs/common';
import type { Response } from 'express';
import { setTimeout as sleep } from 'node:timers/promises';
import type { User } from '@hamgam/shared';
import { concatMap, filter, interval, map, merge, take, type Observable } from 'rxjs';
import { AuditService } from '../audit/audit.service';
import { APP_CONFIG, type AppConfig } from '../config/config';
import { DataSource } from 'typeorm';
import { DatabaseFailureStore } from './database-failure-store';
import { LoginLimiter } from './login-limiter';
import { DUMMY_HASH, verifyPassword } from './password';
import { readCookie, SESSION_COOKIE, sessionCookieOptions } from './session-token';
import type { AuthenticatedRequest, SessionUser } from '../common/session-user';
import { SessionsService } from './sessions.service';
import { normalizeUsername, toUser, UsersService } from './users.service';

// One message for an unknown user, a wrong password and an inactive account: nothing to enumerate.
const BAD_CREDENTIALS = 'wrong username or password';

@Injectable()
export class AuthService {
  private readonly limiter: LoginLimiter;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly users: UsersService,
    private readonly sessions: SessionsService,
    private readonly audit: AuditService,
    dataSource: DataSource,
  ) {
    const windowMs = config.loginWindowMinutes * 60_000;
    // In the database: every replica counts every failure.
    this.limiter = new LoginLimiter(
      { maxTries: config.loginMaxTries, maxTriesPerAddress: config.loginMaxTriesPerAddress, windowMs },
      new DatabaseFailureStore(dataSource, windowMs),
    );
  }

  async login(request: AuthenticatedRequest, response: Response, username: string, password: string): Promise<User> {
    const name = normalizeUsername(username);
    // The address Express derived with TRUST_PROXY: a client cannot choose it by writing X-Forwarded-For.
    const address = request.ip ?? 'unknown';
    const verdict = await this.limiter.check(name, address);
    if (verdict.retryAfterMs > 0) {
      response.setHeader('Retry-After', String(Math.ceil(verdict.retryAfterMs / 1000)));
      throw new HttpException({ message: 'too many failed sign-ins; try again later' }, HttpStatus.TOO_MANY_REQUESTS);
    }
    // A username failed from many addresses is slowed, never locked: the right password still signs in.
    if (verdict.delayMs > 0) await sleep(verdict.delayMs);
    const user = await this.users.findByUsername(name);
    const isValid = await verifyPassword(password, user?.passwordHash ?? DUMMY_HASH);
    if (!user || !isValid || !user.isActive) {
      await this.audit.record(request, {
        action: 'login.failed',
        actor: null,
        target: `username:${name.slice(0, 64)}`,
        details: { reason: !user ? 'unknown user' : !isValid ? 'wrong password' : 'inactive' },
      });
      for (const locked of await this.limiter.fail(name, address)) {
        const isAddress = locked.kind === 'address';
        await this.audit.record(request, {
          action: 'login.locked',
          actor: null,
          target: isAddress ? `ip:${address.slice(0, 64)}` : `username:${name.slice(0, 64)}`,
          details: {
            scope: locked.kind,
            minutes: this.config.loginWindowMinutes,
            tries: isAddress ? this.config.loginMaxTriesPerAddress : this.config.loginMaxTries,
          },
        });
      }
      throw new UnauthorizedException(BAD_CREDENTIALS);
    }
    await this.limiter.succeed(name, address);
    await this.users.markSignedIn(user.id);
    const { token } = await this.sessions.create(user.id);
    response.cookie(SESSION_COOKIE, token, { ...sessionCookieOptions(this.config, request), maxAge: this.config.sessionHours * 3_600_000 });
    request.user = { id: user.id, username: user.username, displayName: user.displayName, role: user.role };
    await this.audit.record(request, { action: 'login', target: `user:${user.id}` });
    return toUser((await this.users.findById(user.id))!);
  }

  /** Ends this browser's session on the server and clears its cookie. */
  async logout(request: AuthenticatedRequest, response: Response): Promise<void> {
    const token = readCookie(request.headers.cookie, SESSION_COOKIE);
    if (token) await this.sessions.revokeToken(token);
    response.clearCookie(SESSION_COOKIE, sessionCookieOptions(this.config, request));
    await this.audit.record(request, { action: 'logout', target: request.user ? `user:${request.user.id}` : null });
  }

  /** Ends every session of the signed-in user, this one included. */
  async logoutEverywhere(request: AuthenticatedRequest, response: Response, user: SessionUser): Promise<void> {
    const ended = await this.sessions.revokeAllOf(user.id);
    response.clearCookie(SESSION_COOKIE, sessionCookieOptions(this.config, request));
    await this.audit.record(request, { action: 'logout.all', target: `user:${user.id}`, details: { sessions: ended } });
  }

  /**
   * Emits once when the session of a long-lived request (the event stream) has ended: checked after every sign-out
   * in this process and every `everyMs` (another replica's sign-out, the idle and absolute ends).
   */
  sessionEnd(request: AuthenticatedRequest, everyMs: number): Observable<void> {
    const token = readCookie(request.headers.cookie, SESSION_COOKIE);
    return merge(this.sessions.revocations, interval(everyMs)).pipe(
      concatMap(() => (token ? this.sessions.isLive(token) : Promise.resolve(false))),
      filter((isLive) => !isLive),
      take(1),
      map(() => undefined),
    );
  }

  /** The signed-in user of a request: a live session (not ended, not past its absolute or idle end) of an active user. */
  async authenticate(request: AuthenticatedRequest): Promise<SessionUser | null> {
    const token = readCookie(request.headers.cookie, SESSION_COOKIE);
    const session = token ? await this.sessions.findLive(token) : null;
    if (!session) return null;
    const user = await this.users.findById(session.userId);
    if (!user || !user.isActive) return null;
    return { id: user.id, username: user.username, displayName: user.displayName, role: user.role };
  }
}
