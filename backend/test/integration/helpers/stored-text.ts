import { existsSync, readFileSync } from 'node:fs';
import type { TestApp } from './test-app';

/**
 * Whether `text` appears in clear anywhere the app stores data: the SQLite file (and its write-ahead log), or on
 * PostgreSQL every row of every table of the app's database, read as text.
 */
export async function storedInClear(t: TestApp, text: string): Promise<boolean> {
  if (t.dialect === 'sqlite') {
    const files = [t.config.databasePath, `${t.config.databasePath}-wal`].filter((file) => existsSync(file));
    return files.some((file) => readFileSync(file).includes(Buffer.from(text)));
  }
  const tables = await t.sql.all<{ name: string }>(
    `SELECT table_name AS name FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'`,
  );
  expect(tables.length).toBeGreaterThan(0);
  for (const { name } of tables) {
    const rows = await t.sql.all<{ row: string }>(`SELECT CAST(t AS TEXT) AS row FROM "${name}" AS t`);
    if (rows.some(({ row }) => row.includes(text))) return true;
  }
  return false;
}
