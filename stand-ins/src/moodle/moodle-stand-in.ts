import { randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { parseJson, readBody, sendJson } from '../common/json-http';
import { serve } from '../common/serve';
import { generateMoodleSite, type MoodleDataset, type MoodleSiteOptions } from './moodle-dataset';
import { accessException, invalidParameter, invalidToken, tokenError, unknownFunction } from './moodle-errors';
import { createMoodleFaultSwitch, parseMoodleFaults, type MoodleFaults } from './moodle-faults';
import { callFunction, FUNCTION_NAMES, MoodleCallError, WS_FUNCTIONS } from './moodle-functions';
import { readRequestParams } from './moodle-params';
import { createMoodleSiteControl, type MoodleSiteControl } from './moodle-site-control';
import { toMoodleXml, toMoodleXmlError, toPhpJson, type MoodleErrorBody } from './moodle-xml';

export type MoodleStandInOptions = MoodleSiteOptions & {
  port?: number;
  host?: string;
  siteName?: string;
  /** A permanent token, as an admin creates under Manage tokens (32 lowercase hex). */
  token?: string;
  /** The account whose password login/token.php exchanges for a token. */
  username?: string;
  password?: string;
};

export type MoodleStats = {
  tokenRequests: number;
  calls: number;
  callsByFunction: Record<string, number>;
  /** Course ids, in order, of every core_course_get_contents call that was answered. */
  contentsCourseIds: number[];
  enrolmentPages: { courseid: number; limitfrom: number; limitnumber: number; returned: number }[];
  served500: number;
  served429: number;
  served403: number;
  servedTruncated: number;
  invalidTokens: number;
};

export type MoodleStandIn = {
  url: string;
  token: string;
  username: string;
  password: string;
  /** Short names of the services login/token.php knows; all hold the same functions. */
  services: string[];
  site: MoodleSiteControl;
  setFaults(faults: MoodleFaults): void;
  resetFaults(): void;
  /** Clears faults, stats and minted tokens and regenerates the site (same as POST /__control/reset). */
  reset(): void;
  stats(): MoodleStats;
  close(): Promise<void>;
};

const emptyStats = (): MoodleStats => ({
  tokenRequests: 0,
  calls: 0,
  callsByFunction: {},
  contentsCourseIds: [],
  enrolmentPages: [],
  served500: 0,
  served429: 0,
  served403: 0,
  servedTruncated: 0,
  invalidTokens: 0,
});

// server.php sends no charset; token.php does (both as captured).
const WS_HEADERS = {
  'access-control-allow-origin': '*',
  'cache-control': 'private, must-revalidate, pre-check=0, post-check=0, max-age=0',
  expires: 'Thu, 01 Jan 1970 00:00:00 GMT',
  pragma: 'no-cache',
  'accept-ranges': 'none',
};
const SERVICES = ['moodle_mobile_app', 'hamgam_sync'];
// Functions a real site has but the stand-in's service does not hold: calling them is an access error.
const OTHER_MOODLE_FUNCTIONS = ['core_user_get_users', 'core_enrol_get_users_courses', 'core_course_get_updates_since', 'core_course_check_updates'];
type TokenState = { calls: number; service: string };

export const startMoodleStandIn = async (options: MoodleStandInOptions = {}): Promise<MoodleStandIn> => {
  const host = options.host ?? '127.0.0.1';
  const permanentToken = options.token ?? 'a1b2c3d4e5f60718293a4b5c6d7e8f90';
  const username = options.username ?? 'hamgam.sync';
  const password = options.password ?? 'stand-in-moodle-password';
  const siteName = options.siteName ?? 'سامانهٔ آموزش مجازی دانشگاه (نمایشی)';
  const generate = (): MoodleDataset => generateMoodleSite(options);
  const site = createMoodleSiteControl(generate);
  const faults = createMoodleFaultSwitch();
  const tokens = new Map<string, TokenState>([[permanentToken, { calls: 0, service: 'hamgam_sync' }]]);
  const pendingDelays = new Set<() => void>();
  let stats = emptyStats();
  let base = '';

  const delay = (ms: number) =>
    new Promise<void>((resolve) => {
      const finish = () => {
        clearTimeout(timer);
        pendingDelays.delete(finish);
        resolve();
      };
      const timer = setTimeout(finish, ms);
      pendingDelays.add(finish);
    });

  const send = (res: ServerResponse, status: number, text: string, contentType: string) => {
    if (res.destroyed || res.headersSent) return;
    const bytes = Buffer.from(text, 'utf8');
    res.writeHead(status, { 'content-type': contentType, 'content-length': String(bytes.length), ...WS_HEADERS });
    res.end(bytes);
  };

  const answer = (res: ServerResponse, isJson: boolean, value: unknown, fn?: string) => {
    if (!isJson) {
      // XML walks the declared return structure, so optional fields JSON leaves out come back as null.
      const xmlValue = fn === 'core_webservice_get_site_info' ? { ...(value as object), usersessionscount: null } : value;
      return send(res, 200, toMoodleXml(xmlValue), 'application/xml; charset=utf-8');
    }
    let text = toPhpJson(value);
    if (faults.take('truncateNext')) {
      stats.servedTruncated += 1;
      text = text.slice(0, Math.floor(text.length / 2));
    }
    send(res, 200, text, 'application/json');
  };

  const fail = (res: ServerResponse, isJson: boolean, error: MoodleErrorBody) =>
    isJson ? send(res, 200, toPhpJson(error), 'application/json') : send(res, 200, toMoodleXmlError(error), 'application/xml; charset=utf-8');

  const handleCall = async (req: IncomingMessage, res: ServerResponse, query: string, text: string) => {
    stats.calls += 1;
    const current = faults.current();
    if ((current.delayMs ?? 0) > 0) await delay(current.delayMs!);
    if (faults.take('rateLimitNext')) {
      stats.served429 += 1;
      return sendJson(res, 429, { message: 'Too Many Requests' }, { 'retry-after': String(current.retryAfterSeconds ?? 1) });
    }
    if (faults.take('failNext')) {
      stats.served500 += 1;
      return send(res, 500, '<h1>Internal Server Error</h1>', 'text/html; charset=utf-8');
    }
    if (current.restDisabled) {
      stats.served403 += 1;
      return send(res, 403, '', 'text/html; charset=utf-8');
    }
    const params = readRequestParams(query, text, req.headers['content-type']);
    const isJson = params.moodlewsrestformat === 'json';
    const debug = current.debug === true;
    const token = typeof params.wstoken === 'string' ? tokens.get(params.wstoken) : undefined;
    if (!token || (current.expireTokensAfterCalls !== undefined && token.calls >= current.expireTokensAfterCalls)) {
      // An expired token is deleted at its first rejected use; later calls get "not found" too.
      if (token) tokens.delete(params.wstoken as string);
      stats.invalidTokens += 1;
      return fail(res, isJson, invalidToken());
    }
    token.calls += 1;
    const fn = typeof params.wsfunction === 'string' ? params.wsfunction : '';
    if (fn === '') return fail(res, isJson, invalidParameter('Missing required key in single structure: wsfunction', debug));
    if (!WS_FUNCTIONS[fn] && !OTHER_MOODLE_FUNCTIONS.includes(fn)) return fail(res, isJson, unknownFunction(fn, debug));
    const allowed = FUNCTION_NAMES.filter((name) => !(current.withoutFunctions ?? []).includes(name));
    if (!allowed.includes(fn)) return fail(res, isJson, accessException(fn, debug));
    stats.callsByFunction[fn] = (stats.callsByFunction[fn] ?? 0) + 1;
    try {
      const value = callFunction(fn, params, {
        data: site.data(),
        index: site.index,
        site: { base, siteName, username, functions: allowed, showCourseUpdates: current.hideCourseUpdates !== true },
        debug,
        dropUsersPerPage: current.dropUsersPerPage ?? 0,
        onContents: (courseId) => stats.contentsCourseIds.push(courseId),
        onEnrolmentPage: (page) => stats.enrolmentPages.push(page),
      });
      answer(res, isJson, value, fn);
    } catch (error) {
      if (!(error instanceof MoodleCallError)) throw error;
      fail(res, isJson, error.body);
    }
  };

  const handleToken = (req: IncomingMessage, res: ServerResponse, query: string, text: string) => {
    stats.tokenRequests += 1;
    const params = readRequestParams(query, text, req.headers['content-type']);
    const debug = faults.current().debug === true;
    const reply = (payload: object) => send(res, 200, toPhpJson(payload), 'application/json; charset=utf-8');
    for (const name of ['username', 'password', 'service']) {
      if (typeof params[name] !== 'string') return reply(tokenError('missingparam', `A required parameter (${name}) was missing`, debug, base));
    }
    const isAccepted = String(params.username).toLowerCase() === username && params.password === password;
    if (faults.current().loginFails || !isAccepted) return reply(tokenError('invalidlogin', 'Invalid login, please try again', debug, base));
    const service = String(params.service);
    if (!SERVICES.includes(service)) {
      return reply(tokenError('servicenotavailable', "Web service is not available (it doesn't exist or might be disabled)", debug, base));
    }
    // An existing valid token for the service is returned again, as Moodle does.
    const existing = [...tokens].find(([key, state]) => state.service === service && key !== permanentToken);
    const token = existing?.[0] ?? randomBytes(16).toString('hex');
    if (!existing) tokens.set(token, { calls: 0, service });
    reply({ token, privatetoken: null });
  };

  const reset = () => {
    faults.set({});
    stats = emptyStats();
    site.regenerate();
    tokens.clear();
    tokens.set(permanentToken, { calls: 0, service: 'hamgam_sync' });
  };

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const [path, query = ''] = (req.url ?? '/').split('?');
    const text = await readBody(req);
    const isWs = req.method === 'GET' || req.method === 'POST';
    if (isWs && path === '/webservice/rest/server.php') return handleCall(req, res, query, text);
    if (isWs && path === '/login/token.php') return handleToken(req, res, query, text);
    if (req.method === 'POST' && path === '/__control/faults') {
      const parsed = parseJson(text);
      const result = parsed.ok ? parseMoodleFaults(parsed.value) : { ok: false as const, errors: ['body must be valid JSON'] };
      if (!result.ok) return sendJson(res, 400, { message: 'The request is invalid.', errors: result.errors });
      faults.set(result.faults);
      return sendJson(res, 200, { faults: faults.current() });
    }
    if (req.method === 'POST' && path === '/__control/reset') {
      reset();
      return sendJson(res, 200, { stats });
    }
    if (req.method === 'GET' && path === '/__control/stats') return sendJson(res, 200, stats);
    send(res, 404, '<h1>Not Found</h1>', 'text/html; charset=utf-8');
  };

  const served = await serve(handle, options.port ?? 0, host, () => {
    for (const finish of pendingDelays) finish();
  });
  base = served.url;

  return {
    url: base,
    token: permanentToken,
    username,
    password,
    services: [...SERVICES],
    site,
    setFaults: (next) => faults.set(next),
    resetFaults: () => faults.set({}),
    reset,
    stats: () => structuredClone(stats),
    close: served.close,
  };
};
