// `npm start`: build what is missing or older than its sources, then serve the panel and API on one port. The
// launcher becomes the server (it imports the built entry point) rather than spawning it and staying resident
// beside it, which cost ~50 MB for a process that only waited.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const root = new URL('..', import.meta.url).pathname;
const workspaces = [
  { name: 'shared', sources: ['src'], output: 'dist/index.js' },
  { name: 'stand-ins', sources: ['src'], output: 'dist/index.js' },
  { name: 'backend', sources: ['src'], output: 'dist/main.js' },
  { name: 'frontend', sources: ['src', 'index.html', 'vite.config.ts'], output: 'dist/index.html' },
];

function newestMtime(path) {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(0, ...readdirSync(path).map((name) => newestMtime(join(path, name))));
}

let rebuildRest = false;
for (const workspace of workspaces) {
  const dir = join(root, workspace.name);
  const output = join(dir, workspace.output);
  const sourcesMtime = Math.max(...workspace.sources.map((source) => newestMtime(join(dir, source))), newestMtime(join(root, 'shared/src')));
  const stale = rebuildRest || !existsSync(output) || statSync(output).mtimeMs < sourcesMtime;
  if (!stale) continue;
  console.log(`building ${workspace.name} …`);
  const result = spawnSync('npm', ['run', 'build', '-w', workspace.name], { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
  if (workspace.name === 'shared') rebuildRest = true;
}

process.chdir(root);
await import(pathToFileURL(join(root, 'backend/dist/main.js')).href);
