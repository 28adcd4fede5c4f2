import { Client } from 'pg';

/** The machine's PostgreSQL (15, trust auth for `postgres` on 127.0.0.1); another with REPLICAS_TEST_POSTGRES. */
export const POSTGRES_SERVER = process.env.REPLICAS_TEST_POSTGRES ?? 'postgres://postgres@127.0.0.1:5432';

/** A connection to the server's `postgres` database, to create and drop throwaway ones; a clear error when it is down. */
export async function connectPostgresAdmin(): Promise<Client> {
  const admin = new Client({ connectionString: `${POSTGRES_SERVER}/postgres` });
  try {
    await admin.connect();
  } catch (error) {
    throw new Error(
      `PostgreSQL is not reachable at ${POSTGRES_SERVER} (${error instanceof Error ? error.message : String(error)}): start it (pg_ctlcluster 15 main start) or set REPLICAS_TEST_POSTGRES`,
      { cause: error },
    );
  }
  return admin;
}
