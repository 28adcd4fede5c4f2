import type { ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { resolve } from 'node:path';
import { EMPTY_COUNTS, type WorkerMessage } from '@hamgam/shared';
import type { CommandSourceConfig } from '../../config/command-sources';
import { isGuardMessage, spawnGuarded } from './command-guard';

export type CommandLaunch = {
  command: Pick<CommandSourceConfig, 'executable' | 'args' | 'cwd' | 'countPattern'>;
  /** The command's whole environment (see `commandEnvironment`): nothing else is inherited. */
  env: Record<string, string>;
  onMessage: (message: WorkerMessage) => void;
};

const LINE_LIMIT = 2000;
// Of the server's own environment a command sees only these: enough to find programs and read text, never the
// server's secrets (ADMIN_PASSWORD, HAMGAM_SECRET_KEY …).
const INHERITED = ['PATH', 'LANG', 'LC_ALL', 'TZ'] as const;

/**
 * A command's environment: PATH, LANG, LC_ALL and TZ of the server, the variables configured for the source,
 * then the run's own (`HAMGAM_RUN_ID`, `HAMGAM_SOURCE_ID`, the connection), which configuration cannot override.
 */
export function commandEnvironment(serverEnv: NodeJS.ProcessEnv, configured: Record<string, string>, run: Record<string, string>): Record<string, string> {
  const env: Record<string, string> = {};
  for (const name of INHERITED) {
    const value = serverEnv[name];
    if (value !== undefined) env[name] = value;
  }
  return { ...env, ...configured, ...run };
}

/**
 * Runs a legacy script as the run's child process. Its output becomes the run's log, the record count is read
 * from the output with the configured pattern, and its exit code decides the outcome — translated into the same
 * messages a worker sends, so timeout, cancel and history work the same way.
 */
export function spawnCommand({ command, env, onMessage }: CommandLaunch): ChildProcess {
  const pattern = new RegExp(command.countPattern);
  let count: number | null = null;
  let lastError = '';
  // Own process group, so a timeout or cancel reaches whatever the script starts too; behind a guard that ends the
  // group when this process dies.
  const child = spawnGuarded(command.executable, command.args, { cwd: resolve(command.cwd || '.'), env });
  let spawnError: string | null = null;
  child.on('message', (message) => {
    if (isGuardMessage(message)) spawnError = message.message;
  });
  onMessage({ type: 'started' });
  onMessage({ type: 'progress', stage: 'starting', processed: 0, counts: { ...EMPTY_COUNTS } });

  createInterface({ input: child.stdout! }).on('line', (raw) => {
    const line = raw.slice(0, LINE_LIMIT);
    onMessage({ type: 'log', level: 'info', message: line });
    const match = pattern.exec(line);
    if (match?.[1] !== undefined && /^\d+$/.test(match[1])) count = Number(match[1]);
    onMessage({
      type: 'progress',
      stage: 'fetching',
      processed: count ?? 0,
      counts: { ...EMPTY_COUNTS, fetched: count ?? 0 },
      messageKey: 'command.output',
      messageParams: { line: line.slice(0, 200) },
    });
  });
  createInterface({ input: child.stderr! }).on('line', (raw) => {
    lastError = raw.slice(0, LINE_LIMIT);
    onMessage({ type: 'log', level: 'warn', message: lastError });
  });

  child.on('error', (error) => {
    onMessage({ type: 'failed', kind: 'internal', message: `could not start ${command.executable}: ${error.message}` });
  });
  // 'close', not 'exit': every output line has been read by then.
  child.on('close', (code) => {
    if (spawnError !== null) {
      onMessage({ type: 'failed', kind: 'internal', message: `could not start ${command.executable}: ${spawnError}` });
    } else if (code === 0 && count !== null) {
      onMessage({ type: 'finished', counts: { ...EMPTY_COUNTS, fetched: count } });
    } else if (code === 0) {
      onMessage({ type: 'failed', kind: 'validation', message: `the command ended without printing a record count (pattern ${command.countPattern})` });
    } else if (code !== null) {
      const detail = lastError ? `: ${lastError}` : '';
      onMessage({ type: 'failed', kind: 'upstream', message: `the command exited with code ${code}${detail}` });
    }
  });
  return child;
}
