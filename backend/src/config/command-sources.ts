import { readFileSync } from 'node:fs';
import { dirname, isAbsolute, resolve } from 'node:path';

/**
 * A `command` source as the operator configured it. What it runs is decided here, in server configuration,
 * never over the API: an admin session must not amount to a shell on the host.
 */
export type CommandSourceConfig = {
  id: string;
  /** Shown where the panel has no translation for the id; null when not given. */
  name: string | null;
  executable: string;
  args: string[];
  /** Absolute; a relative `cwd` in the file is read from the file's folder. */
  cwd: string;
  /** The only variables the command gets besides PATH, LANG, LC_ALL, TZ and the run's own HAMGAM_* ones. */
  env: Record<string, string>;
  /** The time limit of a new source; afterwards admins may change it. */
  timeoutSeconds: number;
  /** A regular expression whose first capture group is the record count, read from the output. */
  countPattern: string;
};

export class CommandSourcesError extends Error {}

const ID = /^[a-z0-9][a-z0-9-]{0,63}$/;
const ENV_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
const DEFAULT_TIMEOUT_SECONDS = 3600;

/** Reads and checks `COMMAND_SOURCES_FILE` (a JSON list); an empty list when it is not set. */
export function loadCommandSources(file: string | undefined): CommandSourceConfig[] {
  if (!file?.trim()) return [];
  const path = resolve(file.trim());
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, 'utf8')) as unknown;
  } catch (error) {
    throw new CommandSourcesError(`COMMAND_SOURCES_FILE ${path} cannot be read as JSON: ${error instanceof Error ? error.message : String(error)}`);
  }
  return parseCommandSources(raw, dirname(path), path);
}

export function parseCommandSources(raw: unknown, baseDir: string, where = 'COMMAND_SOURCES_FILE'): CommandSourceConfig[] {
  if (!Array.isArray(raw)) throw new CommandSourcesError(`${where} must hold a JSON list of command sources`);
  const seen = new Set<string>();
  return raw.map((entry: unknown, index) => {
    const fail = (message: string): never => {
      throw new CommandSourcesError(`${where}, entry ${index + 1}: ${message}`);
    };
    if (typeof entry !== 'object' || entry === null || Array.isArray(entry)) return fail('must be an object');
    const item = entry as Record<string, unknown>;
    const known = ['id', 'name', 'executable', 'args', 'cwd', 'env', 'timeoutSeconds', 'countPattern'];
    const unknown = Object.keys(item).filter((key) => !known.includes(key));
    if (unknown.length > 0) fail(`unknown field(s) ${unknown.join(', ')}`);
    const { id, name, executable, args = [], cwd = '.', env = {}, timeoutSeconds = DEFAULT_TIMEOUT_SECONDS, countPattern } = item;
    if (typeof id !== 'string' || !ID.test(id)) fail('id must be 1–64 of a–z, 0–9 and dash');
    if (seen.has(id as string)) fail(`id "${String(id)}" appears twice`);
    seen.add(id as string);
    if (name !== undefined && (typeof name !== 'string' || name.length > 200)) fail('name must be text');
    if (typeof executable !== 'string' || executable.trim() === '') fail('executable must be a non-empty string');
    if (!Array.isArray(args) || !args.every((arg) => typeof arg === 'string')) fail('args must be a list of strings');
    if (typeof cwd !== 'string') fail('cwd must be a string');
    if (typeof env !== 'object' || env === null || Array.isArray(env)) fail('env must be an object of names to strings');
    for (const [key, value] of Object.entries(env as object)) {
      if (!ENV_NAME.test(key) || typeof value !== 'string') fail(`env.${key} must be a variable name with a string value`);
      if (key.startsWith('HAMGAM_')) fail(`env.${key}: HAMGAM_* variables are set by the run itself`);
    }
    if (typeof timeoutSeconds !== 'number' || !Number.isInteger(timeoutSeconds) || timeoutSeconds < 1 || timeoutSeconds > 7 * 86_400) {
      fail('timeoutSeconds must be an integer between 1 and 604800');
    }
    if (!isCountPattern(countPattern)) fail('countPattern must be a regular expression with one capture group for the count');
    return {
      id: id as string,
      name: (name as string | undefined) ?? null,
      executable: executable as string,
      args: args as string[],
      cwd: isAbsolute(cwd as string) ? (cwd as string) : resolve(baseDir, cwd as string),
      env: { ...(env as Record<string, string>) },
      timeoutSeconds: timeoutSeconds as number,
      countPattern: countPattern as string,
    };
  });
}

function isCountPattern(value: unknown): value is string {
  if (typeof value !== 'string' || value.length === 0 || value.length > 200) return false;
  try {
    // The first capture group must exist: it is the record count.
    return new RegExp(`${value}|`).exec('')!.length >= 2;
  } catch {
    return false;
  }
}
