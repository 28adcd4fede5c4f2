import { Client, types, type ClientConfig, type QueryConfig, type QueryResult } from 'pg';
import { ConnectionGate } from './connection-gate';
import { bindValues, compileSql, type SqlConnection, type SqlDb, type SqlParams, type SqlStatement, type SqlValue } from './sql-db';

const INT8 = 20;
const MAX_NAMED = 300;

// COUNT(*) and SUM are int8 on PostgreSQL, which pg answers as strings; the sources count far below 2^53.
const parseInt8 = (value: string): number => Number(value);
const customTypes = {
  getTypeParser: ((id: number, format?: 'text' | 'binary') =>
    id === INT8 && format !== 'binary' ? parseInt8 : types.getTypeParser(id, format)) as typeof types.getTypeParser,
};

/**
 * `SqlDb` over one `pg` client (a worker's connection). Each statement text is prepared once on the server, by name,
 * and reused, so a batch's statement costs one round trip without a parse. A transaction holds the client.
 */
export class PostgresDb implements SqlConnection {
  readonly dialect = 'postgres' as const;
  private readonly names = new Map<string, string>();
  private readonly gate = new ConnectionGate();
  private last: Promise<unknown> = Promise.resolve();

  private constructor(private readonly client: Client) {}

  static async connect(url: string, applicationName = 'hamgam-worker'): Promise<PostgresDb> {
    const config: ClientConfig & { pipeline: boolean } = { connectionString: url, application_name: applicationName, types: customTypes, pipeline: true };
    const client = new Client(config);
    await client.connect();
    // Each statement is planned for its values: a generic plan cached while a source's tables were empty scanned the
    // whole table for every page's key list once it had grown (a students run took minutes; docs/benchmarks.md).
    await client.query('SET plan_cache_mode = force_custom_plan');
    // A page's commit does not wait for its WAL to reach the disk (as SQLite's WAL with synchronous = NORMAL). A server
    // crash mid-run may lose the run's last pages, never corrupt them; the API's own commit of the run's end is
    // synchronous and flushes the WAL past every commit before it, so a run recorded as finished has all its writes.
    await client.query('SET synchronous_commit = off');
    return new PostgresDb(client);
  }

  private async query(sql: string, params: SqlParams | undefined): Promise<{ rows: unknown[]; rowCount: number | null }> {
    if (this.gate.mustWait()) await this.gate.idle();
    return this.send(this.statement(sql, params));
  }

  /** The statement as pg sends it: named, so the server parses each text once. Throws when a value is missing. */
  private statement(sql: string, params: SqlParams | undefined): QueryConfig {
    const compiled = compileSql(sql, 'postgres');
    const values = bindValues(compiled, params) as SqlValue[];
    let name = this.names.get(compiled.text);
    if (name === undefined && this.names.size < MAX_NAMED) {
      name = `h${this.names.size + 1}`;
      this.names.set(compiled.text, name);
    }
    return { name, text: compiled.text, values: values as unknown[] };
  }

  // pg's pipeline mode writes each statement as soon as it is sent and answers them in order, so statements sent
  // without awaiting each other (a batch, BEGIN with a transaction's first statement) cost one round trip.
  private send(config: QueryConfig | string): Promise<QueryResult> {
    const result = this.client.query(config);
    this.last = result.catch(() => undefined);
    return result;
  }

  async all<T>(sql: string, params?: SqlParams): Promise<T[]> {
    return (await this.query(sql, params)).rows as T[];
  }

  async get<T>(sql: string, params?: SqlParams): Promise<T | undefined> {
    return (await this.query(sql, params)).rows[0] as T | undefined;
  }

  async run(sql: string, params?: SqlParams): Promise<{ changes: number }> {
    return { changes: (await this.query(sql, params)).rowCount ?? 0 };
  }

  transaction<T>(work: (tx: SqlDb) => Promise<T>, options: { rollback?: boolean } = {}): Promise<T> {
    return this.gate.hold(async () => {
      const begun = this.send('BEGIN');
      try {
        const value = await work(this);
        await begun;
        await this.send(options.rollback ? 'ROLLBACK' : 'COMMIT');
        return value;
      } catch (error) {
        await begun.catch(() => undefined);
        await this.send('ROLLBACK').catch(() => undefined);
        throw error;
      }
    });
  }

  read<T>(work: (db: SqlDb) => Promise<T>): Promise<T> {
    return work(this);
  }

  async batch(statements: readonly SqlStatement[], options: { rollback?: boolean } = {}): Promise<number[]> {
    if (this.gate.isInside()) throw new Error('a batch cannot run inside a transaction');
    if (this.gate.mustWait()) await this.gate.idle();
    // Sent without an await in between: no other statement can come between them. After a failed statement the others
    // fail too ("current transaction is aborted") and COMMIT rolls back.
    const configs = statements.map((statement) => this.statement(statement.sql, statement.params));
    const sent = [this.send('BEGIN'), ...configs.map((config) => this.send(config))];
    sent.push(this.send(options.rollback ? 'ROLLBACK' : 'COMMIT'));
    const results = await Promise.allSettled(sent);
    const failed = results.find((result): result is PromiseRejectedResult => result.status === 'rejected');
    if (failed) throw failed.reason;
    return results.slice(1, -1).map((result) => (result as PromiseFulfilledResult<QueryResult>).value.rowCount ?? 0);
  }

  async close(): Promise<void> {
    await this.last;
    await this.client.end();
  }
}
