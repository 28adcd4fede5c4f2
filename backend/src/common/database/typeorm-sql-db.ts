import type { DataSource, QueryRunner } from 'typeorm';
import { dialectOf, type SqlDialect } from './sql-dialect';
import { bindValues, compileSql, type SqlDb, type SqlParams, type SqlStatement } from './sql-db';

type Structured = { records?: unknown[]; affected?: number | null };

/**
 * `SqlDb` in the API process, over TypeORM's connection (or pool): the data browsers, stats, data marks and approved
 * deletions of a source run the same SQL there as in its worker. A transaction is TypeORM's, on a runner of its own.
 */
export class TypeOrmSqlDb implements SqlDb {
  readonly dialect: SqlDialect;

  constructor(
    readonly dataSource: DataSource,
    private readonly runner: QueryRunner | null = null,
  ) {
    this.dialect = dialectOf(dataSource);
  }

  private async query(sql: string, params: SqlParams | undefined): Promise<Structured> {
    const compiled = compileSql(sql, this.dialect);
    const values = bindValues(compiled, params).map((value) => (typeof value === 'boolean' && this.dialect === 'sqlite' ? Number(value) : value));
    const runner = this.runner ?? this.dataSource.createQueryRunner();
    try {
      return (await runner.query(compiled.text, values, true)) as Structured;
    } finally {
      if (!this.runner) await runner.release();
    }
  }

  async all<T>(sql: string, params?: SqlParams): Promise<T[]> {
    return ((await this.query(sql, params)).records ?? []) as T[];
  }

  async get<T>(sql: string, params?: SqlParams): Promise<T | undefined> {
    return (await this.all<T>(sql, params))[0];
  }

  async run(sql: string, params?: SqlParams): Promise<{ changes: number }> {
    return { changes: (await this.query(sql, params)).affected ?? 0 };
  }

  async transaction<T>(work: (tx: SqlDb) => Promise<T>, options: { rollback?: boolean } = {}): Promise<T> {
    if (this.runner) throw new Error('a transaction is already open on this connection');
    const runner = this.dataSource.createQueryRunner();
    await runner.connect();
    await runner.startTransaction();
    try {
      const value = await work(new TypeOrmSqlDb(this.dataSource, runner));
      await (options.rollback ? runner.rollbackTransaction() : runner.commitTransaction());
      return value;
    } catch (error) {
      if (runner.isTransactionActive) await runner.rollbackTransaction();
      throw error;
    } finally {
      await runner.release();
    }
  }

  read<T>(work: (db: SqlDb) => Promise<T>): Promise<T> {
    return work(this);
  }

  batch(statements: readonly SqlStatement[], options: { rollback?: boolean } = {}): Promise<number[]> {
    return this.transaction(async (tx) => {
      const changes: number[] = [];
      for (const statement of statements) changes.push((await tx.run(statement.sql, statement.params)).changes);
      return changes;
    }, options);
  }
}
