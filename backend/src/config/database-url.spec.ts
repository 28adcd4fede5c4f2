import { ConfigError, describeDatabase, loadConfig } from './config';

const load = (env: Record<string, string>) => loadConfig({ DATA_DIR: '/tmp/hamgam-config-spec', WORKER_ENTRY: __filename, ...env });

describe('DATABASE_URL', () => {
  it('should keep SQLite when DATABASE_URL is unset or blank', () => {
    expect(load({}).databaseUrl).toBeNull();
    expect(load({ DATABASE_URL: '  ' }).databaseUrl).toBeNull();
  });

  it('should take a postgres:// or postgresql:// address naming a database', () => {
    expect(load({ DATABASE_URL: 'postgres://hamgam:pw@db:5432/hamgam' }).databaseUrl).toBe('postgres://hamgam:pw@db:5432/hamgam');
    expect(load({ DATABASE_URL: 'postgresql://db/hamgam' }).databaseUrl).toBe('postgresql://db/hamgam');
  });

  it.each([['mysql://db/hamgam'], ['not a url'], ['postgres://db:5432/'], ['sqlite:///data/hamgam.sqlite']])('should refuse %s with a clear message', (url) => {
    expect(() => load({ DATABASE_URL: url })).toThrow(ConfigError);
  });

  it('should never echo the password of a refused address', () => {
    expect(() => load({ DATABASE_URL: 'mysql://hamgam:hunter2-secret@db/hamgam' })).toThrow(/^((?!hunter2-secret).)*$/);
  });

  it('should describe the database without its user or password', () => {
    expect(describeDatabase({ databasePath: '/data/hamgam.sqlite', databaseUrl: null })).toBe('/data/hamgam.sqlite');
    expect(describeDatabase({ databasePath: '', databaseUrl: 'postgres://hamgam:pw@db.example:5432/hamgam' })).toBe('postgresql://db.example:5432/hamgam');
  });
});
