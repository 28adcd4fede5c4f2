import type { ChildProcess } from 'node:child_process';
import type { WorkerMessage } from '@hamgam/shared';
import { spawnGuarded } from './command-guard';
import { spawnCommand } from './command-process';

const ended = (child: ChildProcess) =>
  new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.once('close', (code, signal) => resolve({ code, signal })));

describe('spawnGuarded', () => {
  it('should end with the exit code of the script and pass its output through when the script exits', async () => {
    const child = spawnGuarded('/bin/sh', ['-c', 'echo out; echo err >&2; exit 3'], { env: { PATH: process.env.PATH ?? '' } });
    let output = '';
    child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));

    expect(await ended(child)).toEqual({ code: 3, signal: null });
    expect(output.split('\n').sort()).toEqual(['', 'err', 'out']);
  });

  it('should end by the signal that ended the script when the group is sent SIGTERM', async () => {
    const child = spawnGuarded('/bin/sh', ['-c', 'echo ready; sleep 30'], { env: { PATH: process.env.PATH ?? '' } });
    await new Promise((resolve) => child.stdout!.once('data', resolve));
    process.kill(-child.pid!, 'SIGTERM');

    expect(await ended(child)).toEqual({ code: null, signal: 'SIGTERM' });
  });
});

describe('spawnCommand', () => {
  it('should fail the run as internal naming the executable when it does not exist', async () => {
    const messages: WorkerMessage[] = [];
    const child = spawnCommand({
      command: { executable: '/nonexistent/legacy-sync', args: [], cwd: '.', countPattern: 'Total: (\\d+)' },
      env: { PATH: process.env.PATH ?? '' },
      onMessage: (message) => messages.push(message),
    });
    await ended(child);

    expect(messages.filter((message) => message.type === 'failed')).toEqual([
      { type: 'failed', kind: 'internal', message: 'could not start /nonexistent/legacy-sync: spawn /nonexistent/legacy-sync ENOENT' },
    ]);
  });
});
