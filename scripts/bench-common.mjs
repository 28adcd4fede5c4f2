// What the parts of `npm run bench` share: reading a process's memory from /proc and timing one run to its
// `run.finished` event.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createRequire } from 'node:module';
import { join } from 'node:path';

/** A `VmRSS`/`VmHWM`-style field of /proc/<pid>/status in kB; 0 once the process is gone. */
export function statusKb(pid, field) {
  try {
    const match = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) : 0;
  } catch {
    return 0; // the process is gone
  }
}

/** The pids of a process's children (a backend's run workers). */
export function childrenOf(pid) {
  const path = `/proc/${pid}/task/${pid}/children`;
  return existsSync(path) ? readFileSync(path, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number) : [];
}

/** The largest VmHWM of the backend's children (the run's worker) while it runs, sampled every 20 ms. */
export function watchWorkerPeak(backendPid) {
  let peakKb = 0;
  const timer = setInterval(() => {
    for (const pid of childrenOf(backendPid)) peakKb = Math.max(peakKb, statusKb(pid, 'VmHWM'));
  }, 20);
  return { peakKb: () => peakKb, stop: () => clearInterval(timer) };
}

/**
 * Makes `request` again, once, on a new socket when it failed on a kept-alive one: after a long pause (a part of the
 * bench generating its data, slower on busy cores) the server (its 5 s keep-alive) may have closed it.
 */
export async function againOnStaleSocket(request) {
  try {
    return await request();
  } catch (error) {
    if (error?.cause?.code !== 'UND_ERR_SOCKET') throw error;
    return request();
  }
}

/**
 * Starts a run of `sourceId` with `body` and waits for its `run.finished` event on the event stream, so nothing
 * polls the API (and takes time from the two cores) while the run is measured.
 */
export async function timedRun(fetchApi, sourceId, body) {
  const controller = new AbortController();
  const stream = await againOnStaleSocket(() => fetchApi('/events', { signal: controller.signal }));
  const reader = stream.body.pipeThrough(new TextDecoderStream()).getReader();
  const started = performance.now();
  const response = await fetchApi(`/sources/${sourceId}/runs`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  if (!response.ok) throw new Error(`could not start a ${sourceId} run: ${response.status} ${await response.text()}`);
  const run = await response.json();
  let buffer = '';
  try {
    for (;;) {
      const { value, done } = await reader.read();
      if (done) throw new Error('the event stream closed before the run finished');
      buffer += value;
      for (let end = buffer.indexOf('\n\n'); end >= 0; end = buffer.indexOf('\n\n')) {
        const data = buffer
          .slice(0, end)
          .split('\n')
          .find((line) => line.startsWith('data:'));
        buffer = buffer.slice(end + 2);
        const event = data ? JSON.parse(data.slice(5)) : null;
        if (event?.type === 'run.finished' && event.run.id === run.id) return { wallMs: performance.now() - started, run: event.run };
      }
    }
  } finally {
    controller.abort();
  }
}

/** A throwaway PostgreSQL database, created and dropped through the admin connection `adminUrl`. */
export async function createBenchDatabase(root, adminUrl, { prefix = 'hamgam_bench_', keptName = null } = {}) {
  const { Client } = createRequire(join(root, 'backend/package.json'))('pg');
  if (keptName && !/^hamgam_bench_[a-z0-9_]+$/.test(keptName)) throw new Error(`--postgres-database takes a kept hamgam_bench_… name, not ${keptName}`);
  const name = keptName ?? `${prefix}${Date.now().toString(36)}`;
  const admin = async (sql) => {
    const client = new Client({ connectionString: adminUrl });
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  };
  if (!keptName) await admin(`CREATE DATABASE ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return { name, url: url.toString(), drop: () => admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`) };
}

/** Forks a backend for a part of the bench: its own data folder and port, the stand-in gateway, `env` on top. */
export function spawnBenchBackend({ root, port, admin, gateway, dataDir, env = {} }) {
  return spawn(process.execPath, ['--max-semi-space-size=2', join(root, 'backend/dist/main.js')], {
    cwd: root,
    stdio: ['ignore', 'ignore', 'inherit'],
    env: {
      ...process.env,
      DATA_DIR: dataDir,
      PORT: String(port),
      HOST: '127.0.0.1',
      STAND_INS: 'false',
      ADMIN_USERNAME: admin.username,
      ADMIN_PASSWORD: admin.password,
      GOLESTAN_BASE_URL: gateway.url,
      GOLESTAN_USERNAME: gateway.username,
      GOLESTAN_PASSWORD: gateway.password,
      ...env,
    },
  });
}

/** Waits (up to 60 s: a fresh PostgreSQL database runs every migration first) for `server`, signs in, answers its API. */
export async function signInToBackend({ server, port, admin, what }) {
  const api = `http://127.0.0.1:${port}/api`;
  for (let i = 0; ; i++) {
    try {
      if ((await fetch(`${api}/health`)).ok) break;
    } catch {
      if (i > 1200 || server.exitCode !== null) throw new Error(`the ${what} did not start`);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  const login = await fetch(`${api}/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(admin) });
  if (!login.ok) throw new Error(`sign-in on the ${what} failed: ${login.status}`);
  const cookie = login.headers
    .getSetCookie()
    .find((line) => line.startsWith('hamgam_session='))
    .split(';')[0];
  return (path, init = {}) => fetch(`${api}${path}`, { ...init, headers: { ...init.headers, cookie } });
}

/**
 * A backend of its own on a throwaway PostgreSQL database (created through `adminUrl`, named `prefix` + time), signed
 * in: its `server`, `fetchApi`, `database`, and `stop()`, which ends it and drops the database and its data folder.
 */
export async function startPostgresBackend({ root, gateway, port, admin, adminUrl, prefix, what }) {
  const database = await createBenchDatabase(root, adminUrl, { prefix });
  const dataDir = mkdtempSync(join(tmpdir(), 'hamgam-bench-pg-'));
  const server = spawnBenchBackend({ root, port, admin, gateway, dataDir, env: { DATABASE_URL: database.url } });
  const stop = async () => {
    server.kill('SIGTERM');
    await new Promise((resolve) => (server.exitCode !== null || server.signalCode !== null ? resolve() : server.once('exit', resolve)));
    rmSync(dataDir, { recursive: true, force: true });
    await database.drop();
  };
  try {
    return { server, database, stop, fetchApi: await signInToBackend({ server, port, admin, what }) };
  } catch (error) {
    await stop();
    throw error;
  }
}
