import { FINAL_RUN_STATUSES, RUN_MODES, type ApiErrorBody, type RunMode, type SyncRun, type TriggerRunRequest } from '@hamgam/shared';

// `npm run sync -- <source> [--mode full|recent] [--wait]`: asks the RUNNING server for a run over HTTP. It must
// not boot a sync core of its own: a second core would close the server's active runs as interrupted.

export const USAGE = `usage: npm run sync -- <source> [--mode full|recent] [--wait]

Starts a run of <source> (e.g. faculty) on the running Hamgam server with trigger "cli".
  --mode full|recent  for sources with modes (default: the source's first mode)
  --wait              follow the run, print its progress, exit 0 only if it ends in success
Server: HAMGAM_URL (default http://localhost:3000). Sign-in: HAMGAM_CLI_USERNAME and HAMGAM_CLI_PASSWORD
(an admin account; the password is read from the environment, never from the command line).
Exit codes: 0 started (or succeeded with --wait), 1 refused or the run did not succeed, 2 bad arguments.`;

export type CliArgs = { sourceId: string; mode?: RunMode; wait: boolean };
export type ParsedArgs = { kind: 'run'; args: CliArgs } | { kind: 'help' } | { kind: 'error'; message: string };

export function parseArgs(argv: string[]): ParsedArgs {
  const positional: string[] = [];
  let mode: RunMode | undefined;
  let wait = false;
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i];
    if (arg === '--help' || arg === '-h') return { kind: 'help' };
    if (arg === '--wait') wait = true;
    else if (arg === '--mode' || arg.startsWith('--mode=')) {
      const value = arg === '--mode' ? argv[(i += 1)] : arg.slice('--mode='.length);
      if (!(RUN_MODES as readonly string[]).includes(value)) return { kind: 'error', message: `--mode must be one of ${RUN_MODES.join(', ')}` };
      mode = value as RunMode;
    } else if (arg.startsWith('-')) return { kind: 'error', message: `unknown option ${arg}` };
    else positional.push(arg);
  }
  if (positional.length !== 1) return { kind: 'error', message: positional.length === 0 ? 'name the source to sync' : 'name exactly one source' };
  return { kind: 'run', args: { sourceId: positional[0], mode, wait } };
}

export class CliError extends Error {}

/** The one place the CLI talks HTTP: JSON in and out with the session cookie, `CliError` on failure. */
export async function callApi<T>(baseUrl: string, method: 'GET' | 'POST', path: string, body?: unknown, cookie = ''): Promise<T> {
  let response: Response;
  try {
    response = await fetch(`${baseUrl}/api${path}`, {
      method,
      headers: {
        Accept: 'application/json',
        ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
        ...(cookie ? { Cookie: cookie } : {}),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch (error) {
    const cause = (error as { cause?: { code?: string; message?: string } }).cause;
    throw new CliError(`cannot reach Hamgam at ${baseUrl} (set HAMGAM_URL): ${cause?.code ?? cause?.message ?? String(error)}`);
  }
  if (path === '/auth/login' && response.ok) return (response.headers.getSetCookie()[0]?.split(';')[0] ?? '') as T;
  const text = await response.text();
  const data = text ? (JSON.parse(text) as unknown) : null;
  if (response.ok) return data as T;
  const problem = data as Partial<ApiErrorBody> | null;
  const active = problem?.activeRun ? ` (run ${problem.activeRun.id}, ${problem.activeRun.status})` : '';
  const hint = response.status === 401 ? ' (set HAMGAM_CLI_USERNAME and HAMGAM_CLI_PASSWORD)' : '';
  throw new CliError(`the server answered ${response.status}: ${problem?.message ?? response.statusText}${active}${hint}`);
}

function describe(run: SyncRun): string {
  const counts = Object.entries(run.counts)
    .filter(([, value]) => value > 0)
    .map(([key, value]) => `${key} ${value}`)
    .join(', ');
  const stage = run.stage ? ` ${run.stage}` : '';
  const percent = run.percent === null ? '' : ` ${Math.round(run.percent)}%`;
  return `run ${run.id}: ${run.status}${stage}${percent}${counts ? ` — ${counts}` : ''}`;
}

function outcome(run: SyncRun): string {
  const took = run.durationMs === null ? '' : ` in ${(run.durationMs / 1000).toFixed(1)} s`;
  const counts = Object.entries(run.counts)
    .map(([key, value]) => `${key} ${value}`)
    .join(', ');
  const error =
    run.status === 'success'
      ? ''
      : run.status === 'awaiting_approval'
        ? `: ${run.heldDeletions} deletions wait for an admin's approval on the run page`
        : ` (${run.errorKind ?? 'unknown'}): ${run.errorMessage ?? 'no message'}`;
  return `run ${run.id} of ${run.sourceId} ended ${run.status}${took}${error} — ${counts}`;
}

export type CliIo = { out: (line: string) => void; err: (line: string) => void };

const isFinal = (run: SyncRun) => (FINAL_RUN_STATUSES as readonly string[]).includes(run.status);

/** Runs the command line; resolves to the process exit code. */
export async function runCli(argv: string[], env: NodeJS.ProcessEnv, io: CliIo, pollMs = 1000): Promise<number> {
  const parsed = parseArgs(argv);
  if (parsed.kind === 'help') {
    io.out(USAGE);
    return 0;
  }
  if (parsed.kind === 'error') {
    io.err(`${parsed.message}\n\n${USAGE}`);
    return 2;
  }
  const { sourceId, mode, wait } = parsed.args;
  const baseUrl = (env.HAMGAM_URL?.trim() || 'http://localhost:3000').replace(/\/+$/, '');
  try {
    const request: TriggerRunRequest = { trigger: 'cli', ...(mode ? { mode } : {}) };
    const username = env.HAMGAM_CLI_USERNAME?.trim();
    const cookie = username ? await callApi<string>(baseUrl, 'POST', '/auth/login', { username, password: env.HAMGAM_CLI_PASSWORD ?? '' }) : '';
    let run = await callApi<SyncRun>(baseUrl, 'POST', `/sources/${encodeURIComponent(sourceId)}/runs`, request, cookie);
    io.out(`run ${run.id} of ${run.sourceId} started (trigger cli${run.mode ? `, mode ${run.mode}` : ''}) on ${baseUrl}`);
    if (!wait) return 0;
    let last = '';
    while (!isFinal(run)) {
      const line = describe(run);
      if (line !== last) io.out((last = line));
      await new Promise((resolve) => setTimeout(resolve, pollMs));
      run = await callApi<SyncRun>(baseUrl, 'GET', `/runs/${run.id}`, undefined, cookie);
    }
    io.out(outcome(run));
    return run.status === 'success' ? 0 : 1;
  } catch (error) {
    io.err(error instanceof CliError ? error.message : `unexpected error: ${String(error)}`);
    return 1;
  }
}

if (require.main === module) {
  process.once('SIGINT', () => {
    console.error('stopped following the run; it goes on on the server (cancel it in the panel)');
    process.exit(130);
  });
  void runCli(process.argv.slice(2), process.env, { out: (line) => console.log(line), err: (line) => console.error(line) }).then((code) => {
    process.exitCode = code;
  });
}
