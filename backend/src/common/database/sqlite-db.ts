import type Database from 'better-sqlite3';
import { ConnectionGate } from './connection-gate';
import { bindValues, compileSql, type SqlConnection, type SqlDb, type SqlParams, type SqlStatement, type SqlValue } from './sql-db';

const MAX_STATEMENTS = 300;

// better-sqlite3 binds no booleans: 1 and 0, as SQLite stores them.
function sqliteValues(values: SqlValue[]): unknown[] {
  return values.map((value) => (typeof value === 'boolean' ? (value ? 1 : 0) : value));
}

/**
 * `SqlDb` over a better-sqlite3 connection: each statement prepared once and kept. better-sqlite3 is synchronous, so
 * each call has finished when its promise is made; a transaction holds the connection until `work` settles.
 */
export class SqliteDb implements SqlConnection {
  readonly dialect = 'sqlite' as const;
  private readonly statements = new Map<string, Database.Statement>();
  private readonly gate = new ConnectionGate();

  constructor(
    /** The connection, for the few places that need SQLite itself (tests, migrations' stand-ins). */
    readonly handle: Database.Database,
    private readonly owned = true,
  ) {}

  private prepare(sql: string, params: SqlParams | undefined): { statement: Database.Statement; values: unknown[] } {
    const compiled = compileSql(sql, 'sqlite');
    let statement = this.statements.get(compiled.text);
    if (!statement) {
      if (this.statements.size >= MAX_STATEMENTS) this.statements.clear();
      statement = this.handle.prepare(compiled.text);
      this.statements.set(compiled.text, statement);
    }
    return { statement, values: sqliteValues(bindValues(compiled, params)) };
  }

  all<T>(sql: string, params?: SqlParams): Promise<T[]> {
    if (this.gate.mustWait()) return this.gate.idle().then(() => this.all<T>(sql, params));
    try {
      const { statement, values } = this.prepare(sql, params);
      return Promise.resolve(statement.all(...values) as T[]);
    } catch (error) {
      return Promise.reject(error as Error);
    }
  }

  get<T>(sql: string, params?: SqlParams): Promise<T | undefined> {
    if (this.gate.mustWait()) return this.gate.idle().then(() => this.get<T>(sql, params));
    try {
      const { statement, values } = this.prepare(sql, params);
      return Promise.resolve(statement.get(...values) as T | undefined);
    } catch (error) {
      return Promise.reject(error as Error);
    }
  }

  run(sql: string, params?: SqlParams): Promise<{ changes: number }> {
    if (this.gate.mustWait()) return this.gate.idle().then(() => this.run(sql, params));
    try {
      const { statement, values } = this.prepare(sql, params);
      return Promise.resolve({ changes: statement.run(...values).changes });
    } catch (error) {
      return Promise.reject(error as Error);
    }
  }

  transaction<T>(work: (tx: SqlDb) => Promise<T>, options: { rollback?: boolean } = {}): Promise<T> {
    return this.gate.hold(async () => {
      if (this.handle.inTransaction) throw new Error('a transaction is already open on this connection');
      // IMMEDIATE takes the write lock up front: a deferred transaction that reads first cannot wait for another
      // process's lock when it upgrades, and fails at once with SQLITE_BUSY instead of honouring busy_timeout.
      this.handle.exec('BEGIN IMMEDIATE');
      try {
        const value = await work(this);
        this.handle.exec(options.rollback ? 'ROLLBACK' : 'COMMIT');
        return value;
      } catch (error) {
        if (this.handle.inTransaction) this.handle.exec('ROLLBACK');
        throw error;
      }
    });
  }

  read<T>(work: (db: SqlDb) => Promise<T>): Promise<T> {
    return this.gate.hold(async () => {
      if (this.handle.inTransaction) throw new Error('a transaction is already open on this connection');
      this.handle.exec('BEGIN');
      try {
        return await work(this);
      } finally {
        if (this.handle.inTransaction) this.handle.exec('COMMIT');
      }
    });
  }

  batch(statements: readonly SqlStatement[], options: { rollback?: boolean } = {}): Promise<number[]> {
    if (this.gate.isInside()) return Promise.reject(new Error('a batch cannot run inside a transaction'));
    if (this.gate.mustWait()) return this.gate.idle().then(() => this.batch(statements, options));
    // Synchronous from BEGIN to COMMIT: nothing else can run on the connection in between.
    try {
      const prepared = statements.map((statement) => this.prepare(statement.sql, statement.params));
      this.handle.exec('BEGIN IMMEDIATE');
      try {
        const changes = prepared.map(({ statement, values }) => statement.run(...values).changes);
        this.handle.exec(options.rollback ? 'ROLLBACK' : 'COMMIT');
        return Promise.resolve(changes);
      } catch (error) {
        if (this.handle.inTransaction) this.handle.exec('ROLLBACK');
        throw error;
      }
    } catch (error) {
      return Promise.reject(error as Error);
    }
  }

  close(): Promise<void> {
    this.statements.clear();
    if (this.owned) this.handle.close();
    return Promise.resolve();
  }
}
