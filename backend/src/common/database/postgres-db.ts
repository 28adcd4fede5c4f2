import { Client, types, type ClientConfig } from 'pg';
import { bindValues, compileSql, type SqlConnection, type SqlDb, type SqlParams, type SqlValue } from './sql-db';

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
  private inTransaction = false;

  private constructor(private readonly client: Client) {}

  static async connect(url: string, applicationName = 'hamgam-worker'): Promise<PostgresDb> {
    const config: ClientConfig = { connectionString: url, application_name: applicationName, types: customTypes };
    const client = new Client(config);
    await client.connect();
    return new PostgresDb(client);
  }

  private async query(sql: string, params: SqlParams | undefined): Promise<{ rows: unknown[]; rowCount: number | null }> {
    const compiled = compileSql(sql, 'postgres');
    const values = bindValues(compiled, params) as SqlValue[];
    let name = this.names.get(compiled.text);
    if (name === undefined && this.names.size < MAX_NAMED) {
      name = `h${this.names.size + 1}`;
      this.names.set(compiled.text, name);
    }
    return this.client.query({ name, text: compiled.text, values: values as unknown[] });
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

  async transaction<T>(work: (tx: SqlDb) => Promise<T>, options: { rollback?: boolean } = {}): Promise<T> {
    if (this.inTransaction) throw new Error('a transaction is already open on this connection');
    this.inTransaction = true;
    await this.client.query('BEGIN');
    try {
      const value = await work(this);
      await this.client.query(options.rollback ? 'ROLLBACK' : 'COMMIT');
      return value;
    } catch (error) {
      await this.client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      this.inTransaction = false;
    }
  }

  async close(): Promise<void> {
    await this.client.end();
  }
}
