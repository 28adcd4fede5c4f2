import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';

const MAIN = join(__dirname, '../../../dist/main.js');
const PASSWORD = 'tangerine-ledger-4471';

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** The production process as `node backend/dist/main.js` starts it, with its stdout lines collected. */
describe('logs in production (NODE_ENV=production)', () => {
  let child: ChildProcess;
  let dataDir: string;
  let port: number;
  const lines: string[] = [];
  let listening: Promise<void>;

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'hamgam-logs-'));
    port = await freePort();
    child = spawn(process.execPath, [MAIN], {
      env: {
        PATH: process.env.PATH,
        NODE_ENV: 'production',
        PORT: String(port),
        HOST: '127.0.0.1',
        DATA_DIR: dataDir,
        STAND_INS: 'false',
        ADMIN_USERNAME: 'admin',
        ADMIN_PASSWORD: PASSWORD,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    listening = new Promise((resolve, reject) => {
      child.once('exit', (code) => reject(new Error(`the server exited with ${code}: ${lines.join('\n')}`)));
      createInterface({ input: child.stdout! }).on('line', (line) => {
        lines.push(line);
        if (line.includes('panel and API on')) resolve();
      });
      createInterface({ input: child.stderr! }).on('line', (line) => lines.push(line));
    });
    await listening;
  });

  afterAll(async () => {
    child.kill('SIGTERM');
    await new Promise((resolve) => child.once('close', resolve));
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('writes every line as one JSON object, with the request id the answer carries, and no password', async () => {
    const base = `http://127.0.0.1:${port}`;
    const refused = await fetch(`${base}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'admin', password: `${PASSWORD}-wrong` }),
    });
    expect(refused.status).toBe(401);
    const answered = await fetch(`${base}/api/runs`, { headers: { 'x-request-id': 'lb-req-000123' } });
    expect(answered.headers.get('x-request-id')).toBe('lb-req-000123');
    await fetch(`${base}/api/health`);
    // The request lines are written when each answer finishes; give the pipe a moment.
    await new Promise((resolve) => setTimeout(resolve, 300));

    const parsed = lines.map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(parsed.every((line) => typeof line.time === 'string' && typeof line.level === 'string' && typeof line.msg === 'string')).toBe(true);
    expect(parsed).toContainEqual(
      expect.objectContaining({ context: 'Users', level: 'info', msg: expect.stringContaining('created the first admin') as unknown }),
    );
    expect(parsed).toContainEqual(expect.objectContaining({ context: 'HTTP', method: 'POST', path: '/api/auth/login', status: 401 }));
    expect(parsed).toContainEqual(expect.objectContaining({ context: 'HTTP', path: '/api/runs', status: 401, requestId: 'lb-req-000123' }));
    expect(parsed.some((line) => line.path === '/api/health')).toBe(false);
    expect(lines.join('\n')).not.toContain(PASSWORD);
  });
});
