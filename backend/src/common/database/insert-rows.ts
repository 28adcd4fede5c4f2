import type { SqlDb, SqlStatement, SqlValue } from './sql-db';

// Past ~1,000 rows a bigger PostgreSQL statement gains nothing measurable, and its JSON text only grows.
const MAX_ROWS = 1000;

/**
 * Inserts rows (values in `columns` order) and answers how many were written. `tail` follows the rows: an
 * `ON CONFLICT …` clause both dialects read (`DO UPDATE SET x = excluded.x`, `DO NOTHING`); no RETURNING.
 * SQLite runs one prepared statement a row (in the caller's transaction, as fast as a multi-row one). PostgreSQL
 * receives up to 1,000 rows a statement as one JSON parameter (`jsonb_array_elements`, each value cast to its
 * column's type): one `JSON.stringify` instead of a bound value each, and one short statement text to plan — a
 * students page of 500 × 35 values took 5.4 ms of the worker's CPU as a VALUES list and 3.4 ms as JSON
 * (docs/benchmarks.md, "PostgreSQL page writes").
 */
export async function insertRows(db: SqlDb, table: string, columns: readonly string[], rows: readonly (readonly SqlValue[])[], tail = ''): Promise<number> {
  let written = 0;
  for (const statement of await insertStatements(db, table, columns, rows, tail)) written += (await db.run(statement.sql, statement.params)).changes;
  return written;
}

/** The statements `insertRows` runs, for a `batch`. */
export async function insertStatements(
  db: SqlDb,
  table: string,
  columns: readonly string[],
  rows: readonly (readonly SqlValue[])[],
  tail = '',
): Promise<SqlStatement[]> {
  if (rows.length === 0) return [];
  if (db.dialect === 'sqlite') {
    const sql = `INSERT INTO ${table} (${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')}) ${tail}`;
    return rows.map((row) => ({ sql, params: row }));
  }
  const sql = await jsonInsert(db, table, columns, tail);
  const statements: SqlStatement[] = [];
  for (let start = 0; start < rows.length; start += MAX_ROWS) {
    const chunk = start === 0 && rows.length <= MAX_ROWS ? rows : rows.slice(start, start + MAX_ROWS);
    statements.push({ sql, params: [rowsAsJson(chunk)] });
  }
  return statements;
}

// A table's column types never change while a process runs (migrations run before any statement of a source).
const columnTypes = new Map<string, Promise<Map<string, string>>>();
const statements = new Map<string, string>();

/** `INSERT … SELECT` of the rows of one JSON array of arrays; its text is kept, so a page does not build it again. */
async function jsonInsert(db: SqlDb, table: string, columns: readonly string[], tail: string): Promise<string> {
  const key = `${table}\n${columns.join(',')}\n${tail}`;
  const known = statements.get(key);
  if (known !== undefined) return known;
  const types = await typesOf(db, table);
  const values = columns.map((column, index) => {
    const type = types.get(column);
    if (type === undefined) throw new Error(`insertRows: ${table} has no column ${column}`);
    return `CAST(e ->> ${index} AS ${type})`;
  });
  const sql = `INSERT INTO ${table} (${columns.join(', ')}) SELECT ${values.join(', ')} FROM jsonb_array_elements(CAST(? AS jsonb)) AS e ${tail}`;
  statements.set(key, sql);
  return sql;
}

function typesOf(db: SqlDb, table: string): Promise<Map<string, string>> {
  let types = columnTypes.get(table);
  if (types === undefined) {
    types = db
      .all<{ name: string; type: string }>(
        `SELECT attname AS name, format_type(atttypid, atttypmod) AS type FROM pg_attribute
         WHERE attrelid = CAST(? AS regclass) AND attnum > 0 AND NOT attisdropped`,
        [table],
      )
      .then((rows) => new Map(rows.map((row) => [row.name, row.type])));
    // A failed look-up (the table does not exist yet) is asked again next time.
    types.catch(() => columnTypes.delete(table));
    columnTypes.set(table, types);
  }
  return types;
}

/**
 * The rows as JSON text PostgreSQL's `jsonb` reads. `JSON.stringify` writes a lone UTF-16 surrogate as `\udXXX`, which
 * `jsonb` refuses; as a bound text value it became U+FFFD, so it does here too. A bigint is written as its digits.
 */
export function rowsAsJson(rows: readonly (readonly SqlValue[])[]): string {
  let json: string;
  try {
    json = JSON.stringify(rows);
  } catch {
    json = JSON.stringify(rows, (_key, value: unknown) => (typeof value === 'bigint' ? value.toString() : value));
  }
  if (!json.includes('\\ud')) return json;
  return json.replace(/\\(\\|ud[89a-f][0-9a-f]{2})/g, (escape: string, body: string) => (body === '\\' ? escape : '\\ufffd'));
}
