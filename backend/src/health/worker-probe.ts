import { spawn } from 'node:child_process';
import { access, constants } from 'node:fs/promises';

const PROBE_TIMEOUT_MS = 10_000;

/**
 * True when a worker could start now: the compiled entry is readable and a Node child with the workers' flags forks
 * and exits cleanly (a full process table, a memory limit or a broken Node binary fail here before a run does).
 */
export async function canStartWorker(workerEntry: string, nodeFlags: readonly string[]): Promise<boolean> {
  try {
    await access(workerEntry, constants.R_OK);
  } catch {
    return false;
  }
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [...nodeFlags, '-e', 'process.exit(0)'], { stdio: 'ignore', env: { PATH: process.env.PATH ?? '' } });
    const timer = setTimeout(() => child.kill('SIGKILL'), PROBE_TIMEOUT_MS);
    child.once('error', () => {
      clearTimeout(timer);
      resolve(false);
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      resolve(code === 0);
    });
  });
}
