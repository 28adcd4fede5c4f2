import { randomBytes } from 'node:crypto';
import Database from 'better-sqlite3';
import type { Source } from '@hamgam/shared';
import { SecretBox } from '../../../src/common/crypto/secret-box';
import { openSecrets } from '../../../src/sync/settings/stored-secrets';
import { startTestApp, triggerRun, waitForRunEnd, type TestApp } from '../helpers/test-app';

const KEY = randomBytes(32);

function rawSecrets(t: TestApp): Record<string, string> {
  const db = new Database(t.config.databasePath, { readonly: true });
  try {
    const rows = db.prepare(`SELECT id, secrets FROM sources`).all() as { id: string; secrets: string }[];
    return Object.fromEntries(rows.map((row) => [row.id, row.secrets]));
  } finally {
    db.close();
  }
}

async function connectionOf(t: TestApp, id: string): Promise<Source['connection']> {
  return ((await t.http().get(`/api/sources/${id}`).expect(200)).body as Source).connection;
}

describe('stored secrets upgrade', () => {
  const box = new SecretBox(KEY);
  const env = { HAMGAM_SECRET_KEY: KEY.toString('base64') };
  let t: TestApp;

  afterAll(async () => {
    await t?.close();
  });

  it('should seal rows left in the per-value form as one ciphertext when the app starts again', async () => {
    t = await startTestApp({ env });
    expect(Object.values(rawSecrets(t)).every((stored) => stored.startsWith('v1:'))).toBe(true);

    // What the declared-connection migration leaves: a JSON object of ciphertexts, its field names readable.
    const db = new Database(t.config.databasePath);
    const update = db.prepare(`UPDATE sources SET base_url = ?, connection_fields = ?, secrets = ? WHERE id = ?`);
    update.run('http://127.0.0.1:9/gw', '{"username":"sync"}', JSON.stringify({ password: box.encrypt('pw-per-value-1') }), 'faculty');
    update.run('http://127.0.0.1:9/lms', '{}', JSON.stringify({ token: new SecretBox(randomBytes(32)).encrypt('tok-other-key') }), 'moodle');
    db.close();

    // Until the next start the app reads that form as it is.
    expect(await connectionOf(t, 'faculty')).toEqual({ baseUrl: 'http://127.0.0.1:9/gw', username: 'sync', hasPassword: true });
    const dataDir = t.dataDir;
    await t.close({ keepData: true });

    t = await startTestApp({ env, dataDir });
    const stored = rawSecrets(t);
    expect(stored.faculty).toMatch(/^v1:/);
    expect(stored.faculty).not.toMatch(/password|pw-per-value-1/);
    expect(openSecrets(box, stored.faculty)).toEqual({ password: 'pw-per-value-1' });
    expect(await connectionOf(t, 'faculty')).toEqual({ baseUrl: 'http://127.0.0.1:9/gw', username: 'sync', hasPassword: true });
    for (const [id, secrets] of Object.entries(stored)) {
      if (id !== 'moodle') expect(() => openSecrets(box, secrets)).not.toThrow();
    }
  });

  it('should leave a row this key cannot open as it was, logged, show its secrets as not stored and fail a run when it starts', async () => {
    expect(JSON.parse(rawSecrets(t).moodle)).toEqual({ token: expect.stringMatching(/^v1:/) });
    expect(t.logger.lines.some((line) => line.includes('source moodle: stored secrets cannot be decrypted') && line.includes('per-value form'))).toBe(true);
    expect(await connectionOf(t, 'moodle')).toMatchObject({ hasPassword: false, hasToken: false });
    const refused = await waitForRunEnd(t, (await triggerRun(t, 'moodle')).id);
    expect(refused).toMatchObject({ status: 'failed', errorKind: 'internal' });
    expect(refused.errorMessage).toMatch(/^could not start the run: stored secrets cannot be decrypted/);

    await t
      .http()
      .patch('/api/sources/moodle')
      .send({ connection: { username: 'sync' } })
      .expect(200);
    expect(JSON.parse(rawSecrets(t).moodle)).toEqual({ token: expect.stringMatching(/^v1:/) });
    // Unreadable secrets are not kept for a new address, in case the old key comes back.
    await t
      .http()
      .patch('/api/sources/moodle')
      .send({ connection: { baseUrl: 'http://127.0.0.1:9/lms-new' } })
      .expect(200);
    expect(openSecrets(box, rawSecrets(t).moodle)).toEqual({});
    await t
      .http()
      .patch('/api/sources/moodle')
      .send({ connection: { token: 'tok-entered-again' } })
      .expect(200);

    const stored = rawSecrets(t).moodle;
    expect(stored).not.toMatch(/token|tok-entered-again/);
    expect(openSecrets(box, stored)).toEqual({ token: 'tok-entered-again' });
    expect(await connectionOf(t, 'moodle')).toMatchObject({ hasPassword: false, hasToken: true });
  });
});
