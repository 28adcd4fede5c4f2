import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The CRM's contacts and interactions as last pulled, each with the CRM's `server_updated_at`, a local
 * `sync_version` that grows with every change stored, and `deleted_at` (soft deletes are kept). One row of
 * `crm_watermark` holds the newest `server_updated_at` fully stored.
 */
export class CreateCrmTables1764000000400 implements MigrationInterface {
  name = 'CreateCrmTables1764000000400';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE crm_contacts (
      id TEXT PRIMARY KEY NOT NULL,
      full_name TEXT NOT NULL DEFAULT '',
      national_code TEXT,
      mobile TEXT,
      email TEXT,
      stage TEXT,
      owner TEXT,
      student_number TEXT,
      server_updated_at TEXT NOT NULL,
      sync_version INTEGER NOT NULL DEFAULT 1,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      deleted_at TEXT,
      last_run_id TEXT,
      last_seen_run_id TEXT
    )`);
    await q.query(`CREATE INDEX ix_crm_contacts_national_code ON crm_contacts (national_code)`);
    await q.query(`CREATE INDEX ix_crm_contacts_mobile ON crm_contacts (mobile)`);
    await q.query(`CREATE INDEX ix_crm_contacts_student_number ON crm_contacts (student_number)`);
    await q.query(`CREATE INDEX ix_crm_contacts_deleted_at ON crm_contacts (deleted_at)`);
    await q.query(`CREATE TABLE crm_interactions (
      id TEXT PRIMARY KEY NOT NULL,
      contact_id TEXT,
      kind TEXT,
      summary TEXT,
      occurred_at TEXT,
      server_updated_at TEXT NOT NULL,
      sync_version INTEGER NOT NULL DEFAULT 1,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      deleted_at TEXT,
      last_run_id TEXT,
      last_seen_run_id TEXT
    )`);
    await q.query(`CREATE INDEX ix_crm_interactions_contact_id ON crm_interactions (contact_id)`);
    await q.query(`CREATE INDEX ix_crm_interactions_deleted_at ON crm_interactions (deleted_at)`);
    await q.query(`CREATE TABLE crm_watermark (
      id INTEGER PRIMARY KEY NOT NULL CHECK (id = 1),
      server_updated_at TEXT,
      updated_at TEXT NOT NULL,
      run_id TEXT
    )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE IF EXISTS crm_watermark`);
    await q.query(`DROP TABLE IF EXISTS crm_interactions`);
    await q.query(`DROP TABLE IF EXISTS crm_contacts`);
  }
}
