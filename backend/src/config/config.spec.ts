import { hostname } from 'node:os';
import { ConfigError, loadConfig } from './config';

// The worker entry is looked up at load; any readable file stands in for it here.
// A named replica needs the shared secret key (replica-config.spec.ts).
const BASE_ENV = { WORKER_ENTRY: __filename, DATA_DIR: '/tmp/hamgam-config-spec', HAMGAM_SECRET_KEY: 'BwcHBwcHBwcHBwcHBwcHBwcHBwcHBwcHBwcHBwcHBwc=' };

describe('loadConfig: REPLICA_ID', () => {
  it('should keep the given id when REPLICA_ID is set', () => {
    expect(loadConfig({ ...BASE_ENV, REPLICA_ID: 'app-2' }).replicaId).toBe('app-2');
  });

  it('should use the host name and process id when REPLICA_ID is empty', () => {
    expect(loadConfig({ ...BASE_ENV, REPLICA_ID: '  ' }).replicaId).toBe(`${hostname()}-${process.pid}`);
  });

  it.each([['two words'], ['a/b'], ['x'.repeat(65)]])('should stop with a clear message when REPLICA_ID is %s', (value) => {
    expect(() => loadConfig({ ...BASE_ENV, REPLICA_ID: value })).toThrow(ConfigError);
    expect(() => loadConfig({ ...BASE_ENV, REPLICA_ID: value })).toThrow(/REPLICA_ID/);
  });
});
