import type { DataSource } from 'typeorm';
import { placeholders } from '../common/database/sql-db';
import type { Entry, FailureKind, FailureStore } from './login-limiter';

const SWEEP_EVERY_MS = 60_000;

/**
 * Sign-in failures in `login_failures`, shared by every replica on the database (a guesser spread over replicas
 * is counted once). One statement per failure: an upsert that starts a new window when the old one has ended, so two
 * replicas counting the same key at once lose nothing. Portable: ON CONFLICT … DO UPDATE … RETURNING reads the same
 * on SQLite (3.35+) and PostgreSQL; times are ISO text, which sorts as time.
 */
export class DatabaseFailureStore implements FailureStore {
  private nextSweepAt = 0;

  constructor(
    private readonly dataSource: DataSource,
    private readonly windowMs: number,
  ) {}

  async get(kind: FailureKind, key: string, now: number): Promise<Entry | null> {
    const rows = (await this.dataSource.query(
      placeholders('SELECT failures, expires_at FROM login_failures WHERE kind = ? AND key = ? AND expires_at > ?', this.dataSource),
      [kind, key, new Date(now).toISOString()],
    )) as { failures: number | string; expires_at: string }[];
    return rows[0] ? { failures: Number(rows[0].failures), expiresAt: new Date(rows[0].expires_at).getTime() } : null;
  }

  async add(kind: FailureKind, key: string, now: number): Promise<number> {
    await this.sweep(now);
    const nowText = new Date(now).toISOString();
    const rows = (await this.dataSource.query(
      placeholders(
        `INSERT INTO login_failures (kind, key, failures, expires_at) VALUES (?, ?, 1, ?)
       ON CONFLICT (kind, key) DO UPDATE SET
         failures = CASE WHEN login_failures.expires_at <= ? THEN 1 ELSE login_failures.failures + 1 END,
         expires_at = CASE WHEN login_failures.expires_at <= ? THEN excluded.expires_at ELSE login_failures.expires_at END
       RETURNING failures`,
        this.dataSource,
      ),
      [kind, key, new Date(now + this.windowMs).toISOString(), nowText, nowText],
    )) as { failures: number | string }[];
    return Number(rows[0]?.failures ?? 1);
  }

  async delete(kind: FailureKind, key: string): Promise<void> {
    await this.dataSource.query(placeholders('DELETE FROM login_failures WHERE kind = ? AND key = ?', this.dataSource), [kind, key]);
  }

  /** Expired counts go, at most once a minute. */
  private async sweep(now: number): Promise<void> {
    if (now < this.nextSweepAt) return;
    this.nextSweepAt = now + SWEEP_EVERY_MS;
    await this.dataSource.query(placeholders('DELETE FROM login_failures WHERE expires_at <= ?', this.dataSource), [new Date(now).toISOString()]);
  }
}
