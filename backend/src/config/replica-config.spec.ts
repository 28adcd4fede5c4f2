import { ConfigError, loadConfig } from './config';

const config = (env: Record<string, string>) => loadConfig({ WORKER_ENTRY: __filename, ...env });
const KEY = Buffer.alloc(32, 1).toString('base64');

describe('replica settings', () => {
  it('should name the replica by REPLICA_ID, or by host and process when unset', () => {
    expect(config({ REPLICA_ID: 'panel-2', HAMGAM_SECRET_KEY: KEY }).replicaId).toBe('panel-2');
    expect(config({}).replicaId).toMatch(new RegExp(`-${process.pid}$`));
    expect(() => config({ REPLICA_ID: 'a b', HAMGAM_SECRET_KEY: KEY })).toThrow(ConfigError);
  });

  it('should refuse a named replica without the shared secret key', () => {
    expect(() => config({ REPLICA_ID: 'panel-2' })).toThrow(/HAMGAM_SECRET_KEY to the same key on every replica/);
  });

  it('should keep the run lease between 2 and 600 seconds, 30 by default', () => {
    expect(config({}).runLeaseSeconds).toBe(30);
    expect(config({ RUN_LEASE_SECONDS: '3' }).runLeaseSeconds).toBe(3);
    expect(() => config({ RUN_LEASE_SECONDS: '1' })).toThrow(/RUN_LEASE_SECONDS/);
  });

  it('should relay events through REPLICA_BUS_URL, else a PostgreSQL DATABASE_URL, else not at all', () => {
    expect(config({}).replicaBusUrl).toBeNull();
    expect(config({ DATABASE_URL: 'postgres://db/hamgam' }).replicaBusUrl).toBe('postgres://db/hamgam');
    expect(config({ DATABASE_URL: 'postgres://db/hamgam', REPLICA_BUS_URL: 'postgresql://bus/x' }).replicaBusUrl).toBe('postgresql://bus/x');
    expect(() => config({ REPLICA_BUS_URL: 'http://user:secret@bus/x' })).toThrow(/postgres:\/\/ address; got "http:\/\/…@bus\/x"/);
  });
});
