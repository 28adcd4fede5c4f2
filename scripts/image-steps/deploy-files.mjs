// What the deployment files must hold, checked by scripts/image-steps.mjs. Each problem is one readable line.

// Kept out of the build context: installed packages, build output, data, secrets, history.
const IGNORED = ['**/node_modules', '**/dist', 'data', '.env', '.git'];

export function checkDockerignore(text) {
  const entries = new Set(text.split('\n').map((line) => line.trim()));
  return IGNORED.filter((entry) => !entries.has(entry)).map((entry) => `.dockerignore must list ${entry}`);
}

/** The compose file's services in their own blocks (two-space indented keys under `services:`). */
function serviceBlocks(compose) {
  const services = compose.split(/^services:\s*$/m)[1]?.split(/^\S/m)[0] ?? '';
  const blocks = new Map();
  let current = null;
  for (const line of services.split('\n')) {
    const name = /^ {2}([a-z0-9-]+):\s*$/.exec(line);
    if (name) blocks.set((current = name[1]), '');
    else if (current) blocks.set(current, `${blocks.get(current)}${line}\n`);
  }
  return blocks;
}

export function checkComposeFiles(compose, nginx) {
  const problems = [];
  const services = serviceBlocks(compose);
  const apps = [...services].filter(([, block]) => block.includes('<<: *app')).map(([name]) => name);
  if (!/^x-app: &app$/m.test(compose) || !/^ {2}env_file: app\.env$/m.test(compose))
    problems.push('compose.yaml: the app replicas must take every setting from env_file app.env (x-app)');
  if (!/^ {2}build:\n {4}context: \.\.\n {4}dockerfile: docker\/Dockerfile$/m.test(compose))
    problems.push('compose.yaml: the app must build docker/Dockerfile from the repository root');
  if (apps.length < 2) problems.push(`compose.yaml: two app replicas are expected, found ${apps.length}`);
  if (!/image: postgres:1[5-9]\b/.test(services.get('postgres') ?? '')) problems.push('compose.yaml: a postgres service on PostgreSQL 15 or later is expected');
  for (const app of apps) {
    if (!new RegExp(`^\\s*server ${app}:3000\\b`, 'm').test(nginx)) problems.push(`nginx.conf: the upstream does not list ${app}:3000`);
  }
  const events = /location = \/api\/events \{([^}]*)\}/.exec(nginx)?.[1] ?? '';
  if (!events.includes('proxy_buffering off;')) problems.push('nginx.conf: /api/events (server-sent events) needs proxy_buffering off');
  return problems;
}
