import type { MigrationInterface, QueryRunner } from 'typeorm';
import { idColumn } from '../../common/database/sql-dialect';

/** Alert channels, incidents and the delivery queue (issue #13). */
export class Notifications1765400000100 implements MigrationInterface {
  name = 'Notifications1765400000100';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE notification_channels (
      id ${idColumn(q)},
      kind TEXT NOT NULL CHECK (kind IN ('webhook', 'email', 'sms')),
      name TEXT NOT NULL,
      events TEXT NOT NULL,
      enabled BOOLEAN NOT NULL,
      failures_before_alert INTEGER NOT NULL DEFAULT 1,
      remind_after_minutes INTEGER,
      long_run_minutes INTEGER,
      settings TEXT NOT NULL,
      secret TEXT,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL
    )`);
    await q.query(`CREATE TABLE incidents (
      id ${idColumn(q)},
      source_id TEXT NOT NULL,
      kind TEXT NOT NULL CHECK (kind IN ('failing', 'late')),
      opened_at TEXT NOT NULL,
      last_seen_at TEXT NOT NULL,
      resolved_at TEXT,
      count INTEGER NOT NULL
    )`);
    await q.query(`CREATE UNIQUE INDEX incidents_one_open ON incidents (source_id, kind) WHERE resolved_at IS NULL`);
    await q.query(`CREATE INDEX incidents_by_opened ON incidents (resolved_at, id)`);
    await q.query(`CREATE TABLE notification_deliveries (
      id ${idColumn(q)},
      channel_id INTEGER REFERENCES notification_channels (id) ON DELETE SET NULL,
      channel_name TEXT NOT NULL,
      channel_kind TEXT NOT NULL,
      event TEXT NOT NULL,
      source_id TEXT,
      run_id INTEGER,
      incident_id INTEGER REFERENCES incidents (id) ON DELETE SET NULL,
      dedupe_key TEXT,
      facts TEXT NOT NULL,
      status TEXT NOT NULL CHECK (status IN ('pending', 'sent', 'failed')),
      attempts INTEGER NOT NULL DEFAULT 0,
      last_error TEXT,
      created_at TEXT NOT NULL,
      next_attempt_at TEXT,
      sent_at TEXT
    )`);
    await q.query(`CREATE UNIQUE INDEX notification_deliveries_once ON notification_deliveries (channel_id, dedupe_key)`);
    await q.query(`CREATE INDEX notification_deliveries_due ON notification_deliveries (status, next_attempt_at)`);
    await q.query(`CREATE INDEX notification_deliveries_incident ON notification_deliveries (incident_id, channel_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE notification_deliveries`);
    await q.query(`DROP TABLE incidents`);
    await q.query(`DROP TABLE notification_channels`);
  }
}
