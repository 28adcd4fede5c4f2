import type { SqlDb, SqlValue } from './sql-db';

// PostgreSQL binds at most 65,535 values a statement; past ~1,000 rows a bigger statement gains nothing measurable.
const MAX_ROWS = 1000;
const MAX_VALUES = 30_000;

/**
 * Inserts rows (values in `columns` order) and answers how many were written. `tail` follows the VALUES: an
 * `ON CONFLICT …` clause both dialects read (`DO UPDATE SET x = excluded.x`, `DO NOTHING`); no RETURNING.
 * SQLite runs one prepared statement a row (in the caller's transaction, as fast as a multi-row one); PostgreSQL
 * sends many rows a statement, so a batch costs a few round trips instead of one a row.
 */
export async function insertRows(db: SqlDb, table: string, columns: readonly string[], rows: readonly (readonly SqlValue[])[], tail = ''): Promise<number> {
  if (rows.length === 0) return 0;
  const head = `INSERT INTO ${table} (${columns.join(', ')}) VALUES `;
  const tuple = `(${columns.map(() => '?').join(', ')})`;
  let written = 0;
  if (db.dialect === 'sqlite') {
    const sql = `${head}${tuple} ${tail}`;
    for (const row of rows) written += (await db.run(sql, row)).changes;
    return written;
  }
  const perStatement = Math.max(1, Math.min(MAX_ROWS, Math.floor(MAX_VALUES / columns.length)));
  for (let start = 0; start < rows.length; start += perStatement) {
    const chunk = rows.slice(start, start + perStatement);
    const sql = `${head}${chunk.map(() => tuple).join(', ')} ${tail}`;
    written += (await db.run(sql, chunk.flat())).changes;
  }
  return written;
}
