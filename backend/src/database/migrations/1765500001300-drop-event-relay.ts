import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * `event_relay` (from Replicas1765500000900) was never written or read: an event too large for a NOTIFY crosses as a
 * reference to the run or source it is about, which the receiver reads from their own tables. Portable SQL.
 */
export class DropEventRelay1765500001300 implements MigrationInterface {
  name = 'DropEventRelay1765500001300';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE IF EXISTS event_relay`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE event_relay (
      id TEXT PRIMARY KEY NOT NULL,
      payload TEXT NOT NULL,
      created_at TEXT NOT NULL
    )`);
  }
}
