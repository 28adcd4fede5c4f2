import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { EMPTY_COUNTS, type CommandSettings, type WorkerMessage } from '@hamgam/shared';
import { resolve } from 'node:path';

export type CommandLaunch = {
  command: CommandSettings;
  /** Extra environment for the command: the run id and, when the source has one, its connection. */
  env: Record<string, string>;
  onMessage: (message: WorkerMessage) => void;
};

const LINE_LIMIT = 2000;

/**
 * Runs a legacy script as the run's child process. Its output becomes the run's log, the record count is read
 * from the output with the configured pattern, and its exit code decides the outcome — translated into the same
 * messages a worker sends, so timeout, cancel and history work the same way.
 */
export function spawnCommand({ command, env, onMessage }: CommandLaunch): ChildProcess {
  const pattern = new RegExp(command.countPattern);
  let count: number | null = null;
  let lastError = '';
  const child = spawn(command.executable, command.args, {
    cwd: resolve(command.cwd || '.'),
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
    // Own process group, so a timeout or cancel reaches whatever the script starts too.
    detached: true,
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
    if (code === 0 && count !== null) {
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
