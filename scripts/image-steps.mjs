// A tier of `npm test`: performs docker/Dockerfile's runtime stage without Docker (this machine has no engine), so
// its steps cannot rot. It reads the Dockerfile: the runtime stage's COPY lines copy from this checkout (the build
// stage is this checkout after `npm ci` and `npm run build`, which `npm test` ran), its `RUN npm …` lines run in a
// scratch folder (`npm ci` from the local cache, offline-preferred), then its CMD starts with its ENV (PORT and
// DATA_DIR moved into the scratch folder) until its HEALTHCHECK command passes; then the server is stopped and the
// folder removed. It also checks .dockerignore, the compose file and the proxy config for what they must hold.
// `node scripts/image-steps.mjs [--keep]` (--keep leaves the scratch folder for a look).
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { basename, dirname, join, posix, relative } from 'node:path';
import { parseDockerfile } from './image-steps/dockerfile.mjs';
import { checkComposeFiles, checkDockerignore } from './image-steps/deploy-files.mjs';

const root = new URL('..', import.meta.url).pathname;
const keep = process.argv.includes('--keep');
const HEALTH_WAIT_MS = 90_000;
const STOP_WAIT_MS = 15_000;

// Runtime-stage RUN lines that change the system, not the app folder: meaningful in the image only.
const SYSTEM_STEPS = [/^apt-get update && apt-get install /, /^mkdir -p \/data && chown node:node \/data$/];

const failures = [];
const fail = (message) => {
  throw new Error(message);
};

function step(message) {
  console.log(`image steps: ${message}`);
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** Where a path of the image lands: under the stage's WORKDIR, itself moved to `base`. */
function imagePath(base, workdir, path) {
  const absolute = path.startsWith('/') ? path : posix.join(workdir, path);
  if (absolute !== workdir && !absolute.startsWith(`${workdir}/`)) fail(`${path} is outside WORKDIR ${workdir}; the steps only map the app folder`);
  return join(base, posix.relative(workdir, absolute));
}

/** Docker's COPY: a folder's contents go into the destination; a file goes into it when it ends in / or is a folder. */
function copy(from, to, endsWithSlash) {
  if (!existsSync(from)) fail(`COPY source ${from} does not exist${from.includes('dist') ? ' (run npm run build first)' : ''}`);
  const isFolder = statSync(from).isDirectory();
  const target = !isFolder && (endsWithSlash || (existsSync(to) && statSync(to).isDirectory())) ? join(to, basename(from)) : to;
  mkdirSync(isFolder ? target : dirname(target), { recursive: true });
  cpSync(from, target, { recursive: true });
  return target;
}

function runNpm(command, cwd, env) {
  // `npm ci` here installs from the local cache when it can: the image's build fetches from the registry.
  const line = /^npm ci\b/.test(command) ? `${command} --prefer-offline` : command;
  step(`RUN ${line}`);
  const result = spawnSync('sh', ['-c', line], { cwd, env, stdio: 'inherit' });
  if (result.status !== 0) fail(`RUN ${line} failed (${result.status ?? result.signal})`);
}

/** Packages of the installed tree with an install script that `--ignore-scripts` skipped and nothing replaced. */
function skippedNativeBuilds(appDir, copiedInto) {
  const lock = JSON.parse(readFileSync(join(appDir, 'node_modules/.package-lock.json'), 'utf8'));
  const rootPackage = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  const refused = Object.entries(rootPackage.allowScripts ?? {})
    .filter(([, allowed]) => allowed === false)
    .map(([name]) => name);
  return Object.entries(lock.packages)
    .filter(([path, info]) => info.hasInstallScript && !info.dev)
    .map(([path]) => path)
    .filter((path) => !refused.some((name) => path.endsWith(`node_modules/${name}`)))
    .filter((path) => !copiedInto.some((target) => target.startsWith(`${path}/`)));
}

function collectOutput(child) {
  const lines = [];
  for (const stream of [child.stdout, child.stderr]) {
    stream.setEncoding('utf8');
    stream.on('data', (chunk) => {
      lines.push(chunk);
      if (lines.length > 400) lines.shift();
    });
  }
  return lines;
}

function exitOf(child) {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve({ code: child.exitCode, signal: child.signalCode });
    else child.once('exit', (code, signal) => resolve({ code, signal }));
  });
}

async function waitForHealthcheck(healthcheck, cwd, env, child) {
  const deadline = Date.now() + HEALTH_WAIT_MS;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) fail(`the app exited (${child.exitCode ?? child.signalCode}) before its health check passed`);
    const result = spawnSync('sh', ['-c', healthcheck], { cwd, env, stdio: 'ignore', timeout: 10_000 });
    if (result.status === 0) return;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  fail(`the HEALTHCHECK command did not pass within ${HEALTH_WAIT_MS / 1000} s`);
}

async function checkServedApp(port) {
  const base = `http://127.0.0.1:${port}`;
  const health = await (await fetch(`${base}/api/health`)).json();
  if (health.databaseKind !== 'sqlite') fail(`/api/health says databaseKind ${health.databaseKind}; without DATABASE_URL it must be sqlite`);
  if (!health.replica) fail('/api/health names no replica');
  // Readiness forks a worker from the copied backend/dist with the copied node_modules.
  const ready = await fetch(`${base}/api/health/ready`);
  if (ready.status !== 200) fail(`/api/health/ready answered ${ready.status}: ${await ready.text()}`);
  const page = await fetch(`${base}/`);
  const html = await page.text();
  if (page.status !== 200 || !html.includes('<div id="root">')) fail(`/ does not serve the built panel (status ${page.status})`);
  step(`served: health ${JSON.stringify(health)}, ready 200, panel at /`);
}

async function main() {
  const started = Date.now();
  const dockerfile = parseDockerfile(readFileSync(join(root, 'docker/Dockerfile'), 'utf8'));
  failures.push(...checkDockerignore(readFileSync(join(root, '.dockerignore'), 'utf8')));
  failures.push(...checkComposeFiles(readFileSync(join(root, 'docker/compose.yaml'), 'utf8'), readFileSync(join(root, 'docker/nginx.conf'), 'utf8')));
  if (failures.length) fail(failures.join('\n'));

  const runtime = dockerfile.stages.at(-1);
  const stagesByName = new Map(dockerfile.stages.map((stage) => [stage.name, stage]));
  // Every stage copied from stands for this checkout as `npm ci` and `npm run build` (run by npm test) leave it.
  for (const name of new Set(runtime.instructions.map((instruction) => instruction.flags.from).filter(Boolean))) {
    const runs =
      stagesByName
        .get(name)
        ?.instructions.filter((instruction) => instruction.op === 'RUN')
        .map((instruction) => instruction.args) ?? [];
    if (!runs.includes('npm ci') || !runs.includes('npm run build'))
      fail(`stage ${name} must RUN npm ci and npm run build, as this checkout is installed and built`);
  }
  const scratch = mkdtempSync(join(tmpdir(), 'hamgam-image-'));
  const appDir = join(scratch, 'app');
  const dataDir = join(scratch, 'data');
  mkdirSync(appDir);
  mkdirSync(dataDir);
  step(`runtime stage "${runtime.name}" from ${runtime.from}, in ${scratch}`);

  const port = await freePort();
  // The container sees only the image's ENV; PATH and HOME let node and npm run here.
  const env = { PATH: process.env.PATH, HOME: process.env.HOME };
  // Under `npm test`, npm's own variables (npm_config_local_prefix above all) would point the scratch install at
  // this checkout: the install sees only the user's npm config, as in the image.
  const npmEnv = Object.fromEntries(Object.entries(process.env).filter(([name]) => !/^npm_/i.test(name) && name !== 'INIT_CWD'));
  let workdir = '/';
  let cmd = null;
  let healthcheck = null;
  const copiedInto = [];
  let child = null;
  try {
    for (const { op, args, flags, line } of runtime.instructions) {
      if (op === 'WORKDIR') workdir = posix.resolve(workdir, args);
      else if (op === 'ENV') Object.assign(env, parseEnv(args));
      else if (op === 'COPY') {
        const parts = args.split(/\s+/);
        const dest = parts.pop();
        const destination = imagePath(appDir, workdir, dest);
        for (const source of parts) {
          let from;
          if (flags.from) {
            const stage = stagesByName.get(flags.from) ?? fail(`COPY --from=${flags.from}: no such stage`);
            // The build stage's WORKDIR is this checkout after `npm ci` and `npm run build`.
            from = imagePath(root, stage.workdir, source);
          } else from = join(root, source);
          copiedInto.push(relative(appDir, copy(from, destination, dest.endsWith('/'))));
        }
        step(`${line}`);
      } else if (op === 'RUN') {
        if (args.startsWith('npm ')) runNpm(args, appDir, npmEnv);
        else if (SYSTEM_STEPS.some((pattern) => pattern.test(args))) step(`(in the image only) RUN ${args}`);
        else fail(`RUN ${args}: not a step scripts/image-steps.mjs knows; teach it there (SYSTEM_STEPS) or keep it out of the runtime stage`);
      } else if (op === 'HEALTHCHECK') healthcheck = args.replace(/^CMD\s+/, '');
      else if (op === 'CMD') cmd = JSON.parse(args);
      else if (['USER', 'VOLUME', 'EXPOSE', 'LABEL', 'ARG'].includes(op)) step(`(in the image only) ${line}`);
      else fail(`${op} in the runtime stage: not an instruction scripts/image-steps.mjs knows`);
    }
    if (!cmd) fail('the runtime stage has no CMD in exec form');
    if (!healthcheck) fail('the runtime stage has no HEALTHCHECK CMD');
    const skipped = skippedNativeBuilds(appDir, copiedInto);
    if (skipped.length) fail(`install scripts skipped and their output not copied from the build stage: ${skipped.join(', ')}`);

    Object.assign(env, { PORT: String(port), DATA_DIR: dataDir, HOST: '127.0.0.1' });
    step(`CMD ${cmd.join(' ')} with the image's ENV (PORT=${port}, DATA_DIR and HOST moved here)`);
    child = spawn(cmd[0], cmd.slice(1), { cwd: appDir, env, stdio: ['ignore', 'pipe', 'pipe'] });
    const output = collectOutput(child);
    try {
      await waitForHealthcheck(healthcheck, appDir, env, child);
      step(`HEALTHCHECK ${healthcheck} passed`);
      await checkServedApp(port);
    } catch (error) {
      console.error(output.join(''));
      throw error;
    }
    child.kill('SIGTERM');
    const exit = await Promise.race([exitOf(child), new Promise((resolve) => setTimeout(() => resolve(null), STOP_WAIT_MS))]);
    if (!exit) fail(`the app did not stop within ${STOP_WAIT_MS / 1000} s of SIGTERM`);
    // Nest's shutdown hooks close the app, then raise the signal again: a SIGTERM end is the clean one.
    if (exit.code !== 0 && exit.signal !== 'SIGTERM') fail(`the app stopped with ${exit.code ?? exit.signal} after SIGTERM`);
    step(`stopped cleanly; ${((Date.now() - started) / 1000).toFixed(1)} s in all`);
  } finally {
    if (child && child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    if (keep) step(`kept ${scratch}`);
    else rmSync(scratch, { recursive: true, force: true });
  }
}

function parseEnv(args) {
  const values = {};
  for (const pair of args.split(/\s+/)) {
    const match = /^([A-Za-z_][A-Za-z0-9_]*)=(.*)$/.exec(pair) ?? fail(`ENV ${args}: write it as KEY=value pairs without spaces`);
    values[match[1]] = match[2];
  }
  return values;
}

main().catch((error) => {
  console.error(`image steps FAILED: ${error.message}`);
  process.exit(1);
});
