import { resolve } from 'node:path';
import type { CommandSettings } from '@hamgam/shared';

/**
 * The demo's command source: the university's legacy faculty script (a stand-in of it ships with the repo),
 * run as the child process of each run, so the two ways of syncing faculty can be compared side by side.
 */
export const LEGACY_FACULTY_SEED: { id: string; command: CommandSettings; timeoutSeconds: number } = {
  id: 'legacy-faculty',
  command: {
    executable: 'python3',
    args: ['faculty_main.py'],
    cwd: resolve(__dirname, '../../../../stand-ins/legacy'),
    countPattern: 'Total records: (\\d+)',
  },
  timeoutSeconds: 3600,
};
