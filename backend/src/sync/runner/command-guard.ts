import { spawn, type ChildProcess, type SpawnOptions } from 'node:child_process';

/** What the guard tells its parent over IPC when the script cannot start (the executable is missing …). */
export type GuardMessage = { type: 'spawn-error'; message: string };

// Signals the supervisor sends the whole group: the guard outlives them to report how the script ended.
const GROUP_SIGNALS = ['SIGTERM', 'SIGINT', 'SIGHUP'];

/**
 * The guard, run as `node -e GUARD -- executable …args`: the leader of the command's process group, it starts the
 * script in that group (output straight into the supervisor's pipes) and ends as the script ended (its exit code or
 * signal). When its IPC channel closes while the script runs, the replica that started it is gone (`kill -9`, a
 * crash): it kills the whole group, so nothing runs on for a run another replica has closed.
 */
const GUARD = `
const { spawn } = require('node:child_process');
const [executable, ...args] = process.argv.slice(1);
const signals = ${JSON.stringify(GROUP_SIGNALS)};
for (const name of signals) process.on(name, () => undefined);
let running = true;
const script = spawn(executable, args, { stdio: ['ignore', 'inherit', 'inherit'] });
script.on('error', (error) => {
  running = false;
  process.send({ type: 'spawn-error', message: error.message }, () => process.exit(127));
});
script.on('exit', (code, signal) => {
  running = false;
  for (const name of signals) process.removeAllListeners(name);
  if (signal) process.kill(process.pid, signal);
  else process.exit(code ?? 1);
});
process.on('disconnect', () => {
  if (running) process.kill(-process.pid, 'SIGKILL');
});
`;

/**
 * Spawns `executable args` behind the guard, as a process group of its own: signalling the group reaches the guard
 * (which waits), the script and whatever the script starts; the guard's exit mirrors the script's.
 */
export function spawnGuarded(executable: string, args: readonly string[], options: Pick<SpawnOptions, 'cwd' | 'env'>): ChildProcess {
  return spawn(process.execPath, ['-e', GUARD, '--', executable, ...args], {
    ...options,
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
    detached: true,
  });
}

export function isGuardMessage(value: unknown): value is GuardMessage {
  return typeof value === 'object' && value !== null && (value as GuardMessage).type === 'spawn-error' && typeof (value as GuardMessage).message === 'string';
}
