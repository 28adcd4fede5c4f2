import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { RunLog, SyncRun } from '@hamgam/shared';
import { sharedDatabaseEnv, startReplica, waitUntil, type Replica } from './replica-process';

/** Whether `pid` runs (a killed process its new parent has not reaped yet is a zombie, state Z: not running). */
function isRunning(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) !== 'Z';
  } catch {
    return false;
  }
}

/** A command source's script, and what it starts, end with the replica that started them. */
describe('a command run whose replica is killed', () => {
  let dir: string;
  let replica: Replica;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'hamgam-orphans-'));
    // A script that starts a child of its own and waits: both must go.
    const script = 'sleep 600 & echo "script $$ child $!"; wait';
    const commands = [{ id: 'script-tree', executable: '/bin/sh', args: ['-c', script], cwd: '.', countPattern: 'Total records: (\\d+)' }];
    writeFileSync(join(dir, 'commands.json'), JSON.stringify(commands));
    replica = await startReplica('orphans-a', {
      ...sharedDatabaseEnv(join(dir, 'data')),
      COMMAND_SOURCES_FILE: join(dir, 'commands.json'),
      HAMGAM_SECRET_KEY: Buffer.alloc(32, 6).toString('base64'),
    });
  });

  afterAll(async () => {
    await replica?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('should leave neither the script nor its child running when the replica is killed with SIGKILL', async () => {
    const run = (await replica.api<SyncRun>('POST', '/api/sources/script-tree/runs', {})).body;
    const line = await waitUntil(
      async () => (await replica.api<RunLog>('GET', `/api/runs/${run.id}/log`)).body.lines.find((entry) => /^script \d+ child \d+$/.test(entry.message)),
      20_000,
      'the script to print its pid',
    );
    const pids = line.message.match(/\d+/g)!.map(Number);
    expect(pids.every(isRunning)).toBe(true);

    await replica.stop('SIGKILL');

    await waitUntil(async () => !pids.some(isRunning), 10_000, `processes ${pids.join(', ')} to end`);
  }, 60_000);
});
