import { retryAfterMs } from '../../common/http/backoff';
import { describeUrl, HttpStatusError, networkCause, redactSecrets } from '../../common/http/json-http-client';
import { abortError, TransientError, withRetry, type RetryInfo } from '../../common/http/retry';
import { assertAllowedUpstream, noHttpAnswer } from '../../common/http/upstream';
import { SyncError } from '../../common/sync-error';
import { MoodleError, findMoodleError } from './moodle-errors';
import { encodeMoodleParams, type FormValue } from './moodle-form';
import { decodeMoodleXml } from './moodle-xml';
import * as parse from './moodle.parser';

export type MoodleClientOptions = {
  baseUrl: string;
  /** A permanent web-service token; when empty, `username` + `password` are exchanged for one. */
  token: string;
  username: string;
  password: string;
  /** Short name of the external service login/token.php issues tokens for. */
  service: string;
  requestTimeoutMs: number;
  maxRetries: number;
  retryBaseMs: number;
  signal: AbortSignal;
  onRetry?: (info: RetryInfo) => void;
  onLog?: (message: string) => void;
};

/** The web-service functions a Moodle sync calls; the token's service must allow every one. */
export const REQUIRED_FUNCTIONS = [
  'core_webservice_get_site_info',
  'core_course_get_categories',
  'core_course_get_courses_by_field',
  'core_course_get_contents',
  'core_enrol_get_enrolled_users',
] as const;

const RETRY_MAX_MS = 30_000;
const MAX_RETRY_AFTER_MS = 60_000;

/** The only code that talks to Moodle: REST web services (POST, form-encoded, JSON asked for) and login/token.php. */
export class MoodleClient {
  private token: string;
  private readonly base: string;

  constructor(private readonly options: MoodleClientOptions) {
    this.base = options.baseUrl.replace(/\/+$/, '');
    this.token = options.token;
    if (!this.token && !(options.username && options.password)) {
      throw new SyncError('auth', 'the Moodle connection has no token: set a web-service token, or a user name and password to get one');
    }
  }

  /** Gets a token when none is set, then asks the site who it is and which functions the token may call. */
  async siteInfo(): Promise<parse.MoodleSiteInfo> {
    if (!this.token) await this.requestToken();
    return this.parsed('core_webservice_get_site_info', {}, parse.parseSiteInfo);
  }

  categories(): Promise<parse.Parsed<parse.MoodleCategory>> {
    return this.parsed('core_course_get_categories', {}, parse.parseCategories);
  }

  /** Every course, the front page included; unlike get_courses, one course the token may not enter does not fail the call. */
  courses(): Promise<parse.Parsed<parse.MoodleCourse>> {
    return this.parsed('core_course_get_courses_by_field', {}, parse.parseCourses);
  }

  contents(courseId: number): Promise<parse.MoodleSection[]> {
    return this.parsed('core_course_get_contents', { courseid: courseId }, parse.parseContents);
  }

  /** One page of a course's participants, in id order. */
  enrolledUsers(courseId: number, limitfrom: number, limitnumber: number): Promise<parse.Parsed<parse.MoodleEnrolledUser>> {
    const options = [
      { name: 'limitfrom', value: limitfrom },
      { name: 'limitnumber', value: limitnumber },
      { name: 'sortby', value: 'id' },
      { name: 'userfields', value: 'id,username,firstname,lastname,fullname,email,idnumber,roles' },
    ];
    return this.parsed('core_enrol_get_enrolled_users', { courseid: courseId, options }, parse.parseEnrolledUsers);
  }

  private async parsed<T>(wsfunction: string, params: Record<string, FormValue>, parser: (body: unknown) => T): Promise<T> {
    const body = await this.call(wsfunction, params);
    try {
      return parser(body);
    } catch (error) {
      throw new SyncError('upstream', `${wsfunction}: Moodle's answer has an unexpected shape (${error instanceof Error ? error.message : String(error)})`);
    }
  }

  private async call(wsfunction: string, params: Record<string, FormValue>): Promise<unknown> {
    try {
      return await this.callOnce(wsfunction, params);
    } catch (error) {
      // A token expires at its first rejected use (Moodle deletes it); with a password we can get another once.
      const canRenew = error instanceof MoodleError && error.errorcode === 'invalidtoken' && this.options.username && this.options.password;
      if (!canRenew) throw error;
      this.options.onLog?.('Moodle refused the token (invalidtoken); asking login/token.php for a new one');
      await this.requestToken();
      return this.callOnce(wsfunction, params);
    }
  }

  private async callOnce(wsfunction: string, params: Record<string, FormValue>): Promise<unknown> {
    const form = encodeMoodleParams({ wstoken: this.token, wsfunction, moodlewsrestformat: 'json', ...params });
    const body = await this.post('/webservice/rest/server.php', form);
    const error = findMoodleError(body);
    if (error) throw new MoodleError(error.errorcode, wsfunction);
    return body;
  }

  private async requestToken(): Promise<void> {
    const { username, password, service } = this.options;
    if (!username || !password) throw new SyncError('auth', 'Moodle needs a new token but no user name and password are set to get one');
    const body = await this.post('/login/token.php', encodeMoodleParams({ username, password, service }));
    const error = findMoodleError(body);
    if (error) throw new MoodleError(error.errorcode, `login/token.php (service "${service}")`);
    const token = parse.parseToken(body);
    if (!token) throw new SyncError('auth', `login/token.php answered without a token for service "${service}"`);
    this.token = token;
  }

  private post(path: string, form: URLSearchParams): Promise<unknown> {
    const secrets = [this.options.password, this.options.token, this.token].filter((s) => s.length > 0);
    return withRetry(() => postMoodleForm(this.base + path, form, { timeoutMs: this.options.requestTimeoutMs, signal: this.options.signal, secrets }), {
      maxRetries: this.options.maxRetries,
      baseMs: this.options.retryBaseMs,
      maxMs: RETRY_MAX_MS,
      maxRetryAfterMs: MAX_RETRY_AFTER_MS,
      signal: this.options.signal,
      onRetry: this.options.onRetry,
    });
  }
}

type FormPostOptions = {
  timeoutMs: number;
  signal?: AbortSignal;
  /** Token and password: removed from the technical detail of an error. */
  secrets: string[];
};

/**
 * One form-encoded POST to Moodle, decoded from JSON (or Moodle's XML). Throws `TransientError` for what a
 * retry may cure (network, timeout, 5xx, 429, a cut-off body) and `SyncError` for the rest. Moodle's own
 * errors come back as HTTP 200 bodies: the caller looks for them in the decoded value.
 */
async function postMoodleForm(url: string, form: URLSearchParams, options: FormPostOptions): Promise<unknown> {
  const target = describeUrl(url);
  assertAllowedUpstream(url, target);
  // A timer cleared as soon as the answer is read, not AbortSignal.timeout: that one lives its full 30 s and keeps
  // the request (and what hangs on its signal) reachable, which on a big site held tens of MB of finished calls.
  const timeout = new AbortController();
  const timer = setTimeout(() => timeout.abort(), options.timeoutMs);
  const signal = options.signal ? AbortSignal.any([options.signal, timeout.signal]) : timeout.signal;
  let status: number;
  let retryAfter: string | null;
  let text: string;
  try {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
      body: form,
      signal,
      // A redirect could carry the token in the form to another host, past the allow-list: it is an answer like any other.
      redirect: 'manual',
    });
    status = response.status;
    retryAfter = response.headers.get('retry-after');
    text = await response.text();
  } catch (error) {
    if (options.signal?.aborted) throw abortError(options.signal);
    throw noHttpAnswer(target, timeout.signal.aborted ? `no answer within ${options.timeoutMs} ms` : redactSecrets(networkCause(error), options.secrets));
  } finally {
    clearTimeout(timer);
  }
  if (status === 429 || status >= 500)
    throw new TransientError(status === 429 ? 'rate_limited' : 'upstream', `${target} answered ${status}`, retryAfterMs(retryAfter), `HTTP ${status}`);
  if (status === 403 && text.trim() === '') {
    // What server.php does when web services or the REST protocol are switched off on the site.
    throw new HttpStatusError(
      'upstream',
      `${target} answered 403 with an empty body: web services or the REST protocol are turned off on this Moodle ` +
        '(Site administration › Server › Web services › Overview)',
      403,
    );
  }
  if (status < 200 || status >= 300) {
    // Not quoted: the body could be anything the address holds.
    throw new HttpStatusError(status === 401 || status === 403 ? 'auth' : 'upstream', `${target} answered ${status}`, status);
  }
  try {
    return text.trimStart().startsWith('<') ? decodeMoodleXml(text) : (JSON.parse(text) as unknown);
  } catch {
    // Not quoted: a cut-off success body is the data itself, personal details included.
    throw new TransientError(
      'upstream',
      `${target} answered ${status} with a body that is neither JSON nor Moodle XML`,
      null,
      `${Buffer.byteLength(text)} bytes`,
    );
  }
}
