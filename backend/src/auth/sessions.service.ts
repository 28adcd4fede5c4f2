import { Inject, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { createHash, randomBytes } from 'node:crypto';
import { Subject } from 'rxjs';
import { LessThanOrEqual, type Repository } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../config/config';
import { SessionEntity } from './entities/session.entity';

/** `last_seen_at` is written at most this often; the idle timeout is exact to within it. */
const LAST_SEEN_EVERY_MS = 60_000;

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/**
 * Server-side sessions: the cookie holds 32 random bytes, the `sessions` table their SHA-256 (a copy of the database
 * signs nobody in). A session ends when its row goes, when SESSION_HOURS have passed since sign-in, or when it was
 * not used for SESSION_IDLE_MINUTES.
 */
@Injectable()
export class SessionsService {
  /** Emits after sessions were ended in this process, so long-lived requests (the event stream) check theirs. */
  readonly revocations = new Subject<void>();

  constructor(
    @InjectRepository(SessionEntity) private readonly sessions: Repository<SessionEntity>,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Starts a session; the token for the cookie (shown only here) and when the session ends at the latest. */
  async create(userId: number, now: Date = new Date()): Promise<{ token: string; expiresAt: Date }> {
    await this.sweep(now);
    const token = randomBytes(32).toString('base64url');
    const expiresAt = new Date(now.getTime() + this.config.sessionHours * 3_600_000);
    const at = now.toISOString();
    await this.sessions.insert({ tokenHash: hashToken(token), userId, createdAt: at, lastSeenAt: at, expiresAt: expiresAt.toISOString() });
    return { token, expiresAt };
  }

  /** The live session of a token (its last-seen time brought forward when a minute has passed), or null. */
  async findLive(token: string, now: Date = new Date()): Promise<SessionEntity | null> {
    const session = await this.sessions.findOneBy({ tokenHash: hashToken(token) });
    if (!session) return null;
    const lastSeen = Date.parse(session.lastSeenAt);
    if (Date.parse(session.expiresAt) <= now.getTime() || lastSeen + this.config.sessionIdleMinutes * 60_000 <= now.getTime()) {
      await this.sessions.delete({ id: session.id });
      return null;
    }
    if (now.getTime() - lastSeen >= LAST_SEEN_EVERY_MS) {
      session.lastSeenAt = now.toISOString();
      await this.sessions.update({ id: session.id }, { lastSeenAt: session.lastSeenAt });
    }
    return session;
  }

  /** Whether a token's session is still live, without bringing its last-seen time forward (an open stream is no use). */
  async isLive(token: string, now: Date = new Date()): Promise<boolean> {
    const session = await this.sessions.findOneBy({ tokenHash: hashToken(token) });
    if (!session) return false;
    return Date.parse(session.expiresAt) > now.getTime() && Date.parse(session.lastSeenAt) + this.config.sessionIdleMinutes * 60_000 > now.getTime();
  }

  /** Ends the session of a token (sign-out). */
  async revokeToken(token: string): Promise<void> {
    await this.sessions.delete({ tokenHash: hashToken(token) });
    this.revocations.next();
  }

  /** Ends every session of a user (sign out everywhere, password change, role change, deactivation); how many. */
  async revokeAllOf(userId: number): Promise<number> {
    const ended = (await this.sessions.delete({ userId })).affected ?? 0;
    this.revocations.next();
    return ended;
  }

  /** Drops sessions past their absolute or idle end, so the table holds only live ones (run at each sign-in). */
  private async sweep(now: Date): Promise<void> {
    const idleSince = new Date(now.getTime() - this.config.sessionIdleMinutes * 60_000).toISOString();
    await this.sessions.delete({ expiresAt: LessThanOrEqual(now.toISOString()) });
    await this.sessions.delete({ lastSeenAt: LessThanOrEqual(idleSince) });
  }
}
