import { resolve } from 'node:path';
import type { CommandSourceConfig } from '../../config/command-sources';

/**
 * The demo's command source: the university's legacy faculty script (a stand-in of it ships with the repo),
 * run as the child process of each run, so the two ways of syncing faculty can be compared side by side. It is
 * configured by the demo wiring (when the stand-ins provide its connection), like a `COMMAND_SOURCES_FILE` entry.
 */
export const LEGACY_FACULTY_SEED: CommandSourceConfig = {
  id: 'legacy-faculty',
  name: null,
  executable: 'python3',
  args: ['faculty_main.py'],
  cwd: resolve(__dirname, '../../../../stand-ins/legacy'),
  env: {},
  timeoutSeconds: 3600,
  countPattern: 'Total records: (\\d+)',
};
