import { randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { parseJson, readBody, sendBytes, sendJson } from '../common/json-http';
import { serve } from '../common/serve';
import { createFacultyDataset, type FacultyDataset } from './faculty-dataset';
import type { FacultyRecord } from './faculty-generator';
import { createFaultSwitch, emptyStats, parseFaults, type GolestanFaults, type GolestanStats, type StudentCallFault } from './golestan-faults';
import { parseFacultyRequest, parseLoginRequest, parseStudentsRequest, type Parsed } from './golestan-requests';
import { createStudentsDataset, type StudentsDataset, type StudentsUniversityOptions } from './students-dataset';

export type GolestanStandInOptions = {
  port?: number;
  host?: string;
  facultyCount?: number;
  seed?: number;
  username?: string;
  password?: string;
  tokenTtlMs?: number;
  /** Size of the generated university behind Students_2 (default: the small demo). */
  students?: StudentsUniversityOptions;
};

export type GolestanStandIn = {
  url: string;
  username: string;
  password: string;
  close(): Promise<void>;
  setFaults(faults: GolestanFaults): void;
  resetFaults(): void;
  /** Clears faults and stats and restores the generated dataset (same as POST /__control/reset). */
  reset(): void;
  stats(): GolestanStats;
  faculty: FacultyDataset;
  students: StudentsDataset;
};

type Token = { expiresAt: number; calls: number };
// A handler answers the data list, or the whole answer already encoded.
type DataHandler = (body: unknown) => Parsed<unknown[] | Buffer>;
type PairFault = (text: string) => StudentCallFault | null;

// Wording of the real gateway (ASP.NET Web API) for a refused bearer token.
const UNAUTHORIZED = { message: 'Authorization has been denied for this request.' };
const BAD_CREDENTIALS = { message: 'نام کاربری یا رمز عبور اشتباه است (invalid user name or password)' };
const SERVER_ERROR = { message: 'خطای داخلی سرور (an error has occurred)' };
const TOO_MANY_REQUESTS = { message: 'تعداد درخواست‌ها بیش از حد مجاز است (too many requests)' };

const HOUR_MS = 60 * 60 * 1000;

export const startGolestanStandIn = async (options: GolestanStandInOptions = {}): Promise<GolestanStandIn> => {
  const host = options.host ?? '127.0.0.1';
  const username = options.username ?? 'hamgam';
  const password = options.password ?? 'stand-in-password';
  const tokenTtlMs = options.tokenTtlMs ?? HOUR_MS;
  const seed = options.seed ?? 1;
  const faculty = createFacultyDataset(options.facultyCount ?? 240, seed);
  const students = createStudentsDataset(options.students ?? {}, seed);
  const faults = createFaultSwitch();
  const tokens = new Map<string, Token>();
  const pendingDelays = new Set<{ timer: NodeJS.Timeout; resolve: () => void }>();
  let stats = emptyStats();

  const delay = (ms: number): Promise<void> =>
    new Promise((resolve) => {
      const entry = { timer: setTimeout(() => finish(), ms), resolve: () => finish() };
      const finish = (): void => {
        clearTimeout(entry.timer);
        pendingDelays.delete(entry);
        resolve();
      };
      pendingDelays.add(entry);
    });

  const unauthorized = (res: ServerResponse, body: object = UNAUTHORIZED): void => {
    stats.served401 += 1;
    sendJson(res, 401, body);
  };

  const badRequest = (res: ServerResponse, errors: string[]): void => sendJson(res, 400, { message: 'The request is invalid.', errors });

  const parseBody = (text: string): Parsed<unknown> => {
    const parsed = parseJson(text);
    return parsed.ok ? { ok: true, value: parsed.value } : { ok: false, errors: ['body must be valid JSON'] };
  };

  const bearerToken = (req: IncomingMessage): Token | null => {
    const match = /^Bearer\s+(\S+)$/i.exec(req.headers.authorization ?? '');
    const token = match ? tokens.get(match[1]) : undefined;
    if (!token) return null;
    const limit = faults.current().expireTokensAfterCalls;
    if (Date.now() >= token.expiresAt || (limit !== undefined && token.calls >= limit)) return null;
    return token;
  };

  const handleLogin = (res: ServerResponse, text: string): void => {
    const body = parseBody(text);
    const login = body.ok ? parseLoginRequest(body.value) : body;
    if (!login.ok) return badRequest(res, login.errors);
    const isAccepted = login.value.userName === username && login.value.password === password;
    if (faults.current().loginFails || !isAccepted) return unauthorized(res, BAD_CREDENTIALS);
    const now = Date.now();
    for (const [key, token] of tokens) if (token.expiresAt <= now) tokens.delete(key);
    const token = randomBytes(24).toString('base64url');
    tokens.set(token, { expiresAt: now + tokenTtlMs, calls: 0 });
    stats.logins += 1;
    sendJson(res, 200, { data: { token } });
  };

  // Order of checks: delay, 429, 500, 401, 400, then the answer (maybe truncated).
  // Gateway-level faults come before authentication, as a proxy in front would.
  const handleData = async (req: IncomingMessage, res: ServerResponse, text: string, handler: DataHandler, pairFault?: PairFault) => {
    stats.dataCalls += 1;
    const pair = pairFault?.(text) ?? null;
    const delayMs = (faults.current().delayMs ?? 0) + (pair?.delayMs ?? 0);
    if (delayMs > 0) await delay(delayMs);
    const retryAfter = faults.takeRateLimit();
    if (retryAfter !== null) {
      stats.served429 += 1;
      return sendJson(res, 429, TOO_MANY_REQUESTS, { 'retry-after': String(retryAfter) });
    }
    if (pair?.fail === true || faults.takeFailure()) {
      stats.served500 += 1;
      return sendJson(res, 500, SERVER_ERROR);
    }
    const token = bearerToken(req);
    if (!token) return unauthorized(res);
    token.calls += 1;
    const body = parseBody(text);
    const result = body.ok ? handler(body.value) : body;
    if (!result.ok) return badRequest(res, result.errors);
    const bytes = Buffer.isBuffer(result.value) ? result.value : Buffer.from(JSON.stringify({ data: result.value }), 'utf8');
    if (faults.takeTruncation()) {
      stats.servedTruncated += 1;
      return sendBytes(res, 200, bytes.subarray(0, Math.floor(bytes.length / 2)));
    }
    sendBytes(res, 200, bytes);
  };

  const facultyHandler: DataHandler = (body) => {
    const request = parseFacultyRequest(body);
    return request.ok ? { ok: true, value: faculty.page(request.value.pageNumber, request.value.pageSize) } : request;
  };

  const studentsHandler: DataHandler = (body) => {
    const request = parseStudentsRequest(body);
    if (!request.ok) return request;
    const { codePardis, term, paging } = request.value;
    stats.studentCallsByTerm[term] = (stats.studentCallsByTerm[term] ?? 0) + 1;
    return { ok: true, value: students.pageAnswer(codePardis, term, paging.pageNumber, paging.pageSize) };
  };

  const studentsPairFault: PairFault = (text) => {
    const body = parseBody(text);
    const request = body.ok ? parseStudentsRequest(body.value) : null;
    return request?.ok ? faults.studentCall(request.value.codePardis, request.value.term) : null;
  };

  const copyStats = (): GolestanStats => ({ ...stats, studentCallsByTerm: { ...stats.studentCallsByTerm } });

  const reset = (): void => {
    faults.reset();
    stats = emptyStats();
    faculty.reset();
    students.reset();
  };

  const setFaultsOverHttp = (res: ServerResponse, text: string): void => {
    const body = parseBody(text);
    const parsed = body.ok ? parseFaults(body.value) : body;
    if (!parsed.ok) return badRequest(res, parsed.errors);
    faults.set(parsed.faults);
    sendJson(res, 200, { faults: faults.current() });
  };

  // For tests that drive the stand-in over HTTP (e2e): the first `count` faculty members leave the gateway, as if
  // it suddenly returned fewer; `POST /__control/reset` brings them back.
  const removeFacultyOverHttp = (res: ServerResponse, text: string): void => {
    const body = parseBody(text);
    const count = body.ok && typeof body.value === 'object' && body.value !== null ? (body.value as { count?: unknown }).count : undefined;
    if (typeof count !== 'number' || !Number.isInteger(count) || count < 0) return badRequest(res, ['count must be a non-negative integer']);
    const removed = faculty
      .list()
      .slice(0, count)
      .map((record) => record.nationalcode);
    for (const code of removed) faculty.remove(code);
    sendJson(res, 200, { removed });
  };

  const routes: Record<string, (req: IncomingMessage, res: ServerResponse, text: string) => void | Promise<void>> = {
    'POST /Login': (_req, res, text) => handleLogin(res, text),
    'POST /API/Golestan/Faculty': (req, res, text) => handleData(req, res, text, facultyHandler),
    'POST /API/Golestan/Students_2': (req, res, text) => handleData(req, res, text, studentsHandler, studentsPairFault),
    'POST /__control/faults': (_req, res, text) => setFaultsOverHttp(res, text),
    'POST /__control/reset': (_req, res) => {
      reset();
      sendJson(res, 200, { stats });
    },
    'GET /__control/stats': (_req, res) => sendJson(res, 200, copyStats()),
    // Changes one faculty member's fields (e2e: a run that updates a record): `{"nationalcode", "patch": {...}}`.
    'POST /__control/faculty/update': (_req, res, text) => {
      const body = parseBody(text);
      const value = body.ok ? (body.value as { nationalcode?: unknown; patch?: unknown }) : null;
      if (!value || typeof value.nationalcode !== 'string' || typeof value.patch !== 'object' || value.patch === null) {
        return badRequest(res, ['expected {"nationalcode": string, "patch": object}']);
      }
      const latin = (text: string) => text.replace(/[۰-۹٠-٩]/g, (d) => String(d.charCodeAt(0) % 16));
      const code = latin(value.nationalcode);
      if (!faculty.list().some((record) => latin(String(record.nationalcode ?? '')) === code)) {
        return sendJson(res, 404, { message: `no faculty member has the national code ${value.nationalcode}` });
      }
      sendJson(res, 200, faculty.update(value.nationalcode, value.patch as Partial<FacultyRecord>));
    },
    'POST /__control/faculty/remove': (_req, res, text) => removeFacultyOverHttp(res, text),
  };

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const path = (req.url ?? '/').split('?')[0];
    const text = await readBody(req);
    const route = routes[`${req.method} ${path}`];
    if (route) return route(req, res, text);
    const isKnownPath = Object.keys(routes).some((key) => key.endsWith(` ${path}`));
    sendJson(res, isKnownPath ? 405 : 404, { message: isKnownPath ? 'Method not allowed' : `No route for ${path}` });
  };

  const served = await serve(handle, options.port ?? 0, host, () => {
    for (const pending of pendingDelays) pending.resolve();
  });

  return {
    url: served.url,
    username,
    password,
    close: served.close,
    setFaults: (next) => faults.set(next),
    resetFaults: () => faults.reset(),
    reset,
    stats: copyStats,
    faculty,
    students,
  };
};
