import { isRecord } from '../common/json-http';

/** The gateway stand-in's faults, plus what only a Moodle site does. Each is off until set. */
export type MoodleFaults = {
  /** The next N web-service calls answer 500. */
  failNext?: number;
  /** The next N calls answer 429 with Retry-After (a proxy in front of the site). */
  rateLimitNext?: number;
  retryAfterSeconds?: number;
  /** The next N successful calls answer 200 with the JSON cut in half. */
  truncateNext?: number;
  truncateAlways?: boolean;
  /** Every call waits this long first. */
  delayMs?: number;
  /** A token stops working after N calls; Moodle then answers `invalidtoken` with HTTP 200. */
  expireTokensAfterCalls?: number;
  /** login/token.php answers `invalidlogin` whatever the credentials. */
  loginFails?: boolean;
  /** Web services or the REST protocol are off: 403 with an empty body. */
  restDisabled?: boolean;
  /** Functions taken out of the token's service: site info leaves them out and calls get `accessexception`. */
  withoutFunctions?: string[];
  /** The token's user lacks moodle/course:update, so courses come without timemodified and cacherev. */
  hideCourseUpdates?: boolean;
  /** Enrolment pages leave out this many users each (keeping one), as 4.x does with users the caller may not see. */
  dropUsersPerPage?: number;
  /** Error bodies carry `debuginfo`, as on a site at developer debug level. */
  debug?: boolean;
};

const COUNTS = ['failNext', 'rateLimitNext', 'retryAfterSeconds', 'truncateNext', 'delayMs', 'expireTokensAfterCalls', 'dropUsersPerPage'] as const;
const FLAGS = ['truncateAlways', 'loginFails', 'restDisabled', 'hideCourseUpdates', 'debug'] as const;
const KNOWN: readonly string[] = [...COUNTS, ...FLAGS, 'withoutFunctions'];

export type ParsedMoodleFaults = { ok: true; faults: MoodleFaults } | { ok: false; errors: string[] };

export const parseMoodleFaults = (value: unknown): ParsedMoodleFaults => {
  if (!isRecord(value)) return { ok: false, errors: ['faults must be a JSON object'] };
  const errors = Object.keys(value)
    .filter((key) => !KNOWN.includes(key))
    .map((key) => `unknown fault "${key}" (known: ${KNOWN.join(', ')})`);
  for (const key of COUNTS) {
    const v = value[key];
    if (v !== undefined && !(Number.isInteger(v) && (v as number) >= 0)) errors.push(`${key} must be a non-negative integer`);
  }
  for (const key of FLAGS) {
    if (value[key] !== undefined && typeof value[key] !== 'boolean') errors.push(`${key} must be a boolean`);
  }
  const without = value.withoutFunctions;
  if (without !== undefined && !(Array.isArray(without) && without.every((name) => typeof name === 'string'))) {
    errors.push('withoutFunctions must be a list of function names');
  }
  return errors.length > 0 ? { ok: false, errors } : { ok: true, faults: value as MoodleFaults };
};

export type MoodleFaultSwitch = {
  set(faults: MoodleFaults): void;
  current(): MoodleFaults;
  /** Spends one of a counted fault when it is served, so `failNext: 2` gives exactly two 500s. */
  take(key: 'failNext' | 'rateLimitNext' | 'truncateNext'): boolean;
};

export const createMoodleFaultSwitch = (): MoodleFaultSwitch => {
  let faults: MoodleFaults = {};
  return {
    set: (next) => {
      faults = { ...next };
    },
    current: () => ({ ...faults }),
    take: (key) => {
      if (key === 'truncateNext' && faults.truncateAlways) return true;
      const left = faults[key] ?? 0;
      if (left <= 0) return false;
      faults = { ...faults, [key]: left - 1 };
      return true;
    },
  };
};
