import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Several replicas on one database: each run has an owner replica and a lease it renews, a cancel asked on another
 * replica waits on the row for its owner, and what must happen once across replicas (a schedule's due slot, a daily
 * job) is claimed by inserting a row whose key the loser's insert collides with. Sign-in failures are counted in the
 * database so every replica sees them. Portable SQL: TEXT times (ISO, UTC) and INTEGER counts.
 */
export class Replicas1765500000900 implements MigrationInterface {
  name = 'Replicas1765500000900';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE data_syncs ADD COLUMN owner_replica TEXT`);
    await q.query(`ALTER TABLE data_syncs ADD COLUMN lease_expires_at TEXT`);
    await q.query(`ALTER TABLE data_syncs ADD COLUMN cancel_requested_at TEXT`);
    await q.query(`CREATE TABLE schedule_claims (
      source_id TEXT NOT NULL,
      due_at TEXT NOT NULL,
      replica_id TEXT NOT NULL,
      claimed_at TEXT NOT NULL,
      PRIMARY KEY (source_id, due_at)
    )`);
    await q.query(`CREATE TABLE job_claims (
      job TEXT NOT NULL,
      day TEXT NOT NULL,
      replica_id TEXT NOT NULL,
      claimed_at TEXT NOT NULL,
      PRIMARY KEY (job, day)
    )`);
    await q.query(`CREATE TABLE login_failures (
      kind TEXT NOT NULL,
      key TEXT NOT NULL,
      failures INTEGER NOT NULL,
      expires_at TEXT NOT NULL,
      PRIMARY KEY (kind, key)
    )`);
    await q.query(`CREATE INDEX idx_login_failures_expires ON login_failures (expires_at)`);
    await q.query(`CREATE TABLE event_relay (
      id TEXT PRIMARY KEY NOT NULL,
      payload TEXT NOT NULL,
      created_at TEXT NOT NULL
    )`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of ['event_relay', 'login_failures', 'job_claims', 'schedule_claims']) await q.query(`DROP TABLE ${table}`);
    for (const column of ['cancel_requested_at', 'lease_expires_at', 'owner_replica']) await q.query(`ALTER TABLE data_syncs DROP COLUMN ${column}`);
  }
}
