import type { MigrationInterface, QueryRunner } from 'typeorm';
import { idColumn } from '../../common/database/sql-dialect';

/**
 * Server-side sessions (security review, finding 4): the cookie holds a random token, the table its SHA-256, so a
 * session ends when its row goes (sign-out, sign out everywhere, password change, deactivation) and a copied cookie
 * stops working. `users.session_version`, which ended signed-cookie sessions, is no longer needed.
 */
export class Sessions1765100000000 implements MigrationInterface {
  name = 'Sessions1765100000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE sessions (
      id ${idColumn(q)},
      token_hash TEXT NOT NULL UNIQUE,
      user_id INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
      created_at TEXT NOT NULL,
      last_seen_at TEXT NOT NULL,
      expires_at TEXT NOT NULL
    )`);
    await q.query(`CREATE INDEX ix_sessions_user ON sessions (user_id)`);
    await q.query(`CREATE INDEX ix_sessions_expires ON sessions (expires_at)`);
    await q.query(`ALTER TABLE users DROP COLUMN session_version`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE users ADD COLUMN session_version INTEGER NOT NULL DEFAULT 1`);
    await q.query(`DROP TABLE sessions`);
  }
}
