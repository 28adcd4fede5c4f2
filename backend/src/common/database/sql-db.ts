import { dialectOf, type HasOptions, type SqlDialect } from './sql-dialect';

/** A value bound to a statement. Arrays only for PostgreSQL's `= ANY(?)` (see `keyList`). */
export type SqlValue = string | number | bigint | boolean | null | readonly string[];
/** `?` placeholders take an array, `@name` placeholders an object. */
export type SqlParams = readonly SqlValue[] | Readonly<Record<string, SqlValue>>;
/** One statement of a `batch`. */
export type SqlStatement = { sql: string; params?: SqlParams };

/**
 * The one way the sources and the sync core reach their tables, on either database (docs/decisions.md, "One SQL layer
 * for both databases"). SQL is written once with `?` or `@name` placeholders; each implementation turns it into
 * its driver's form (better-sqlite3's prepared statements, cached; PostgreSQL's `$n`, prepared by name).
 * Write SQL both dialects read: `ON CONFLICT … DO UPDATE SET x = excluded.x`, `RETURNING`, `CAST(COUNT(*) AS INTEGER)`,
 * and the helpers of `sql-dialect.ts` where they differ.
 */
export type SqlDb = {
  readonly dialect: SqlDialect;
  all<T>(sql: string, params?: SqlParams): Promise<T[]>;
  get<T>(sql: string, params?: SqlParams): Promise<T | undefined>;
  /** A statement that returns no rows; `changes` is how many rows it wrote. */
  run(sql: string, params?: SqlParams): Promise<{ changes: number }>;
  /**
   * Runs `work` in one write transaction (SQLite: IMMEDIATE, so it waits for another process's lock instead of failing
   * when it first reads). It is rolled back when `work` throws, or when `rollback` is set (a dry run), after which its
   * value is still answered. Work must use `tx`, run one statement at a time and call nothing slow (no HTTP).
   */
  transaction<T>(work: (tx: SqlDb) => Promise<T>, options?: { rollback?: boolean }): Promise<T>;
  /**
   * Runs reads that belong together outside any write transaction: SQLite in one read transaction (one snapshot; a
   * transaction a statement costs far more when they are many), PostgreSQL as they come (a snapshot a statement).
   */
  read<T>(work: (db: SqlDb) => Promise<T>): Promise<T>;
  /**
   * Runs writes known in advance in one transaction (rolled back on error or with `rollback`) and answers how many
   * rows each wrote. PostgreSQL sends them all at once, with BEGIN and COMMIT, without waiting for answers in between,
   * and the connection takes other statements as soon as they are sent (they run after the batch). SQLite runs them at once.
   */
  batch(statements: readonly SqlStatement[], options?: { rollback?: boolean }): Promise<number[]>;
};

/** A connection of its own (a worker's): closed when the run ends. */
export type SqlConnection = SqlDb & {
  close(): Promise<void>;
};

type Compiled = { text: string; names: readonly string[] | null; count: number };

const compiledCache = { sqlite: new Map<string, Compiled>(), postgres: new Map<string, Compiled>() };
const MAX_CACHED = 500;

/**
 * Turns `?` and `@name` placeholders into the dialect's positional ones (`?` on SQLite, `$n` on PostgreSQL), skipping
 * quoted strings, quoted names and comments. Answers the text and the order in which to bind the values.
 */
export function compileSql(sql: string, dialect: SqlDialect): Compiled {
  const cache = compiledCache[dialect];
  const known = cache.get(sql);
  if (known) return known;
  let text = '';
  const names: string[] = [];
  let count = 0;
  let positional = false;
  for (let i = 0; i < sql.length; i += 1) {
    const char = sql[i];
    if (char === "'" || char === '"') {
      const end = closingQuote(sql, i, char);
      text += sql.slice(i, end + 1);
      i = end;
    } else if (char === '-' && sql[i + 1] === '-') {
      const end = sql.indexOf('\n', i);
      const stop = end === -1 ? sql.length : end;
      text += sql.slice(i, stop);
      i = stop - 1;
    } else if (char === '?') {
      positional = true;
      count += 1;
      text += dialect === 'postgres' ? `$${count}` : '?';
    } else if (char === '@' && /[A-Za-z_]/.test(sql[i + 1] ?? '')) {
      const name = /^[A-Za-z_][A-Za-z0-9_]*/.exec(sql.slice(i + 1))![0];
      if (dialect === 'postgres') {
        let index = names.indexOf(name);
        if (index === -1) index = names.push(name) - 1;
        text += `$${index + 1}`;
      } else {
        names.push(name);
        text += '?';
      }
      i += name.length;
    } else {
      text += char;
    }
  }
  if (positional && names.length > 0) throw new Error('a statement takes either ? or @name placeholders, not both');
  const compiled: Compiled = { text, names: names.length > 0 ? names : null, count };
  if (cache.size >= MAX_CACHED) cache.clear();
  cache.set(sql, compiled);
  return compiled;
}

function closingQuote(sql: string, start: number, quote: string): number {
  for (let i = start + 1; i < sql.length; i += 1) {
    if (sql[i] !== quote) continue;
    if (sql[i + 1] === quote) i += 1;
    else return i;
  }
  return sql.length - 1;
}

/** The values of `params` in the order `compiled` binds them. */
export function bindValues(compiled: Compiled, params: SqlParams | undefined): SqlValue[] {
  if (params === undefined) return [];
  if (compiled.names === null) {
    if (!Array.isArray(params)) throw new Error('this statement takes ? placeholders: pass an array');
    return params as SqlValue[];
  }
  if (Array.isArray(params)) throw new Error('this statement takes @name placeholders: pass an object');
  const named = params as Readonly<Record<string, SqlValue>>;
  return compiled.names.map((name) => {
    if (!Object.hasOwn(named, name)) throw new Error(`no value for @${name}`);
    return named[name];
  });
}

/**
 * Raw SQL written with `?` placeholders, as the driver wants it: unchanged for SQLite, `$1, $2, …` for PostgreSQL
 * (`compileSql`, which skips quoted text and comments), for SQL run through TypeORM's `query` on `on` (a dialect,
 * or the DataSource or connection it runs on).
 */
export function placeholders(sql: string, on: SqlDialect | HasOptions): string {
  const compiled = compileSql(sql, typeof on === 'string' ? on : dialectOf(on));
  if (compiled.names !== null) throw new Error('placeholders() takes ? placeholders only');
  return compiled.text;
}
