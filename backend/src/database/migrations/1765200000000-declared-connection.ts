import type { MigrationInterface, QueryRunner } from 'typeorm';
import { isPostgres } from '../../common/database/sql-dialect';

/**
 * Connection fields as each source declares them: the user name joins any other non-secret field in
 * `connection_fields`, and the password and token join any other secret in `secrets` (one JSON per source,
 * each value still a SecretBox ciphertext, so this runs without the key). A new credential needs no column.
 */
export class DeclaredConnection1765200000000 implements MigrationInterface {
  name = 'DeclaredConnection1765200000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE sources ADD COLUMN connection_fields TEXT NOT NULL DEFAULT '{}'`);
    await q.query(`ALTER TABLE sources ADD COLUMN secrets TEXT NOT NULL DEFAULT '{}'`);
    if (isPostgres(q)) {
      await q.query(`UPDATE sources SET connection_fields = json_build_object('username', username)::text WHERE username IS NOT NULL`);
      await q.query(
        `UPDATE sources SET secrets = jsonb_set(secrets::jsonb, '{password}', to_jsonb(password_encrypted))::text WHERE password_encrypted IS NOT NULL`,
      );
      await q.query(`UPDATE sources SET secrets = jsonb_set(secrets::jsonb, '{token}', to_jsonb(token_encrypted))::text WHERE token_encrypted IS NOT NULL`);
    } else {
      await q.query(`UPDATE sources SET connection_fields = json_object('username', username) WHERE username IS NOT NULL`);
      await q.query(`UPDATE sources SET secrets = json_set(secrets, '$.password', password_encrypted) WHERE password_encrypted IS NOT NULL`);
      await q.query(`UPDATE sources SET secrets = json_set(secrets, '$.token', token_encrypted) WHERE token_encrypted IS NOT NULL`);
    }
    await q.query(`ALTER TABLE sources DROP COLUMN username`);
    await q.query(`ALTER TABLE sources DROP COLUMN password_encrypted`);
    await q.query(`ALTER TABLE sources DROP COLUMN token_encrypted`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE sources ADD COLUMN username TEXT`);
    await q.query(`ALTER TABLE sources ADD COLUMN password_encrypted TEXT`);
    await q.query(`ALTER TABLE sources ADD COLUMN token_encrypted TEXT`);
    await q.query(
      isPostgres(q)
        ? `UPDATE sources SET username = connection_fields::jsonb ->> 'username', password_encrypted = secrets::jsonb ->> 'password', token_encrypted = secrets::jsonb ->> 'token'`
        : `UPDATE sources SET username = json_extract(connection_fields, '$.username'), password_encrypted = json_extract(secrets, '$.password'), token_encrypted = json_extract(secrets, '$.token')`,
    );
    await q.query(`ALTER TABLE sources DROP COLUMN connection_fields`);
    await q.query(`ALTER TABLE sources DROP COLUMN secrets`);
  }
}
