import { isIP } from 'node:net';
import { hostname } from 'node:os';
import { PASSWORD_PROBLEM_TEXT, passwordProblem } from '../common/password-policy';
import { CommandSourcesError, loadCommandSources, type CommandSourceConfig } from './command-sources';

/** The readers of single settings `loadConfig` checks at boot; each throws a `ConfigError` naming the setting. */
export class ConfigError extends Error {}

export function intSetting(env: NodeJS.ProcessEnv, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw.trim() === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new ConfigError(`${name} must be an integer between ${min} and ${max}; got "${raw}"`);
  }
  return value;
}

export function boolSetting(env: NodeJS.ProcessEnv, name: string, fallback: boolean): boolean {
  const raw = env[name]?.trim().toLowerCase();
  if (raw === undefined || raw === '') return fallback;
  if (['1', 'true', 'yes', 'on'].includes(raw)) return true;
  if (['0', 'false', 'no', 'off'].includes(raw)) return false;
  throw new ConfigError(`${name} must be true or false; got "${env[name]}"`);
}

export function keySetting(env: NodeJS.ProcessEnv): Buffer | null {
  const raw = env.HAMGAM_SECRET_KEY?.trim();
  if (!raw) return null;
  const key = Buffer.from(raw, 'base64');
  if (key.length !== 32) throw new ConfigError('HAMGAM_SECRET_KEY must be 32 bytes, base64-encoded (openssl rand -base64 32)');
  return key;
}

export function replicaIdSetting(env: NodeJS.ProcessEnv): string {
  const raw = env.REPLICA_ID?.trim();
  if (!raw) return `${hostname()}-${process.pid}`.slice(0, 64);
  if (!/^[A-Za-z0-9._-]{1,64}$/.test(raw)) throw new ConfigError(`REPLICA_ID may hold 1–64 of A–Z, a–z, 0–9, dot, dash and underscore; got "${raw}"`);
  return raw;
}

export function replicaBusSetting(env: NodeJS.ProcessEnv): string | null {
  const isPostgres = (url: string) => /^postgres(ql)?:\/\//.test(url);
  const bus = env.REPLICA_BUS_URL?.trim();
  if (bus && !isPostgres(bus)) throw new ConfigError(`REPLICA_BUS_URL must be a postgres:// address; got "${bus.replace(/\/\/[^@/]*@/, '//…@')}"`);
  if (bus) return bus;
  const database = env.DATABASE_URL?.trim();
  return database && isPostgres(database) ? database : null;
}

export function timeZoneSetting(env: NodeJS.ProcessEnv, name: string, fallback: string): string {
  const raw = env[name]?.trim() || fallback;
  try {
    return new Intl.DateTimeFormat('en-US', { timeZone: raw }).resolvedOptions().timeZone;
  } catch {
    throw new ConfigError(`${name} must be an IANA time zone such as Asia/Tehran; got "${raw}"`);
  }
}

const PROXY_NAMES = ['loopback', 'linklocal', 'uniquelocal'];

function isAddressOrSubnet(value: string): boolean {
  if (PROXY_NAMES.includes(value)) return true;
  const [address, prefix, extra] = value.split('/');
  const version = isIP(address);
  if (version === 0 || extra !== undefined) return false;
  if (prefix === undefined) return true;
  const bits = Number(prefix);
  return /^\d+$/.test(prefix) && bits <= (version === 4 ? 32 : 128);
}

/** `TRUST_PROXY`: a hop count or a comma list of addresses/subnets; `true` would trust what any client writes. */
export function trustProxySetting(env: NodeJS.ProcessEnv): false | number | string[] {
  const raw = env.TRUST_PROXY?.trim().toLowerCase() ?? '';
  if (['', 'false', '0', 'no', 'off'].includes(raw)) return false;
  if (['true', 'yes', 'on'].includes(raw)) {
    throw new ConfigError(
      `TRUST_PROXY=${env.TRUST_PROXY} would take the client address from whatever X-Forwarded-For a client writes: give the number of proxies in front of Hamgam (e.g. 1) or their addresses/subnets (e.g. 10.0.0.5 or 10.0.0.0/8,loopback)`,
    );
  }
  if (/^\d+$/.test(raw)) return intSetting(env, 'TRUST_PROXY', 0, 1, 10);
  const entries = raw
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean);
  const bad = entries.filter((entry) => !isAddressOrSubnet(entry));
  if (entries.length === 0 || bad.length > 0) {
    throw new ConfigError(
      `TRUST_PROXY must be false, a number of proxy hops (1–10) or a comma list of addresses/subnets (10.0.0.5, 10.0.0.0/8, loopback); not "${bad.join(', ') || raw}"`,
    );
  }
  return entries;
}

export function cookieSecureSetting(env: NodeJS.ProcessEnv): 'auto' | boolean {
  const raw = env.COOKIE_SECURE?.trim().toLowerCase() ?? '';
  if (raw === '' || raw === 'auto') return 'auto';
  if (raw === 'true') return true;
  if (raw === 'false') return false;
  throw new ConfigError(`COOKIE_SECURE must be auto, true or false; got "${env.COOKIE_SECURE}"`);
}

export function bootstrapAdminSetting(env: NodeJS.ProcessEnv): { username: string; password: string } | null {
  const username = env.ADMIN_USERNAME?.trim().toLowerCase() ?? '';
  const password = env.ADMIN_PASSWORD ?? '';
  if (!username && !password) return null;
  if (!username || !password) throw new ConfigError('ADMIN_USERNAME and ADMIN_PASSWORD go together: set both or neither');
  if (!/^[a-z0-9._-]{2,64}$/.test(username)) throw new ConfigError('ADMIN_USERNAME may hold 2–64 of a–z, 0–9, dot, dash and underscore');
  const problem = passwordProblem(password, username);
  if (problem) throw new ConfigError(`ADMIN_PASSWORD is refused: ${PASSWORD_PROBLEM_TEXT[problem]}`);
  return { username, password };
}

export function commandSourcesSetting(env: NodeJS.ProcessEnv): CommandSourceConfig[] {
  try {
    return loadCommandSources(env.COMMAND_SOURCES_FILE);
  } catch (error) {
    if (error instanceof CommandSourcesError) throw new ConfigError(error.message);
    throw error;
  }
}

export function allowedHostsSetting(env: NodeJS.ProcessEnv): string[] | null {
  const raw = env.UPSTREAM_ALLOWED_HOSTS?.trim();
  if (!raw) return null;
  const hosts = raw
    .split(',')
    .map((host) => host.trim().toLowerCase())
    .filter(Boolean);
  for (const host of hosts) {
    if (!/^(\[[0-9a-f:.]+\]|[a-z0-9]([a-z0-9.-]*[a-z0-9])?)(:\d{1,5})?$/.test(host)) {
      throw new ConfigError(`UPSTREAM_ALLOWED_HOSTS must list host names or host:port, separated by commas; got "${host}"`);
    }
  }
  return hosts;
}

export function metricsTokenSetting(env: NodeJS.ProcessEnv): string | null {
  const raw = env.METRICS_TOKEN?.trim();
  if (!raw) return null;
  if (raw.length < 16) throw new ConfigError('METRICS_TOKEN must be at least 16 characters (openssl rand -hex 24)');
  return raw;
}

export function logFormatSetting(env: NodeJS.ProcessEnv): 'json' | 'text' {
  const raw = env.LOG_FORMAT?.trim().toLowerCase();
  if (!raw) return env.NODE_ENV === 'production' ? 'json' : 'text';
  if (raw === 'json' || raw === 'text') return raw;
  throw new ConfigError(`LOG_FORMAT must be json or text; got "${env.LOG_FORMAT}"`);
}

export function urlSetting(env: NodeJS.ProcessEnv, name: string, fallback: string): string {
  const raw = env[name]?.trim() || fallback;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ConfigError(`${name} must be an http(s) address; got "${raw}"`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new ConfigError(`${name} must be an http(s) address; got "${raw}"`);
  return raw.replace(/\/+$/, '');
}

export function databaseUrlSetting(env: NodeJS.ProcessEnv): string | null {
  const raw = env.DATABASE_URL?.trim();
  if (!raw) return null;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ConfigError('DATABASE_URL must be a PostgreSQL address such as postgres://user:password@host:5432/hamgam');
  }
  if (url.protocol !== 'postgres:' && url.protocol !== 'postgresql:') {
    // Not echoed back: the address may hold a password.
    throw new ConfigError(`DATABASE_URL must start with postgres:// or postgresql:// (got ${url.protocol}//…); leave it unset for SQLite`);
  }
  if (!url.pathname.replace(/^\//, '')) throw new ConfigError('DATABASE_URL must name the database: postgres://user:password@host:5432/<database>');
  return raw;
}
