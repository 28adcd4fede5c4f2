import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SecretBox } from '../../../src/common/crypto/secret-box';
import { buildDataSourceOptions } from '../../../src/database/data-source';
import { openDatabase } from '../../../src/database/migrate';
import { DeclaredConnection1765200000000 } from '../../../src/database/migrations/1765200000000-declared-connection';
import { openSecrets } from '../../../src/sync/settings/stored-secrets';

describe('declared connection migration', () => {
  const dir = mkdtempSync(join(tmpdir(), 'hamgam-migration-'));
  const box = new SecretBox(randomBytes(32));

  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('should move the user name and the encrypted password and token into one JSON each when it runs', async () => {
    const database = join(dir, 'db.sqlite');
    const full = buildDataSourceOptions({ databasePath: database, databaseUrl: null }, []);
    const before = await openDatabase({
      ...full,
      migrations: (full.migrations as unknown[]).filter((migration) => migration !== DeclaredConnection1765200000000),
    } as typeof full);
    const password = box.encrypt('pw-1');
    const token = box.encrypt('tok-1');
    await before.query(
      `INSERT INTO sources (id, kind, enabled, timeout_seconds, base_url, username, password_encrypted, token_encrypted, options, created_at, updated_at)
       VALUES ('moodle', 'connector', 1, 60, 'http://lms', 'sync', ?, ?, '{}', 'now', 'now'), ('bare', 'connector', 1, 60, NULL, NULL, NULL, NULL, '{}', 'now', 'now')`,
      [password, token],
    );
    await before.destroy();

    const after = await openDatabase(full);
    const rows = (await after.query(`SELECT * FROM sources ORDER BY id`)) as Record<string, string>[];
    await after.destroy();

    expect(rows.map((row) => Object.keys(row).filter((column) => /username|password|token/.test(column)))).toEqual([[], []]);
    expect(rows[0]).toMatchObject({ id: 'bare', connection_fields: '{}', secrets: '{}' });
    expect(JSON.parse(rows[1].connection_fields)).toEqual({ username: 'sync' });
    // Still each value encrypted (the migration has no key); the app seals the whole object at its next start.
    expect(Object.keys(JSON.parse(rows[1].secrets) as object)).toEqual(['password', 'token']);
    expect(openSecrets(box, rows[1].secrets)).toEqual({ password: 'pw-1', token: 'tok-1' });
  });
});
