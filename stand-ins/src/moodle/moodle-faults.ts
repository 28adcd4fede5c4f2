import { COMMON_COUNTS, COMMON_FLAGS, parseFaultsBody, type CommonFaults, type ParsedFaults } from '../common/faults';

/**
 * The gateway stand-in's faults (a token expiring answers `invalidtoken` with HTTP 200, logging in is
 * login/token.php answering `invalidlogin`), plus what only a Moodle site does.
 */
export type MoodleFaults = CommonFaults & {
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

export const parseMoodleFaults = (value: unknown): ParsedFaults<MoodleFaults> =>
  parseFaultsBody<MoodleFaults>(value, {
    counts: [...COMMON_COUNTS, 'dropUsersPerPage'],
    flags: [...COMMON_FLAGS, 'restDisabled', 'hideCourseUpdates', 'debug'],
    others: {
      withoutFunctions: (names) =>
        Array.isArray(names) && names.every((name) => typeof name === 'string') ? [] : ['withoutFunctions must be a list of function names'],
    },
  });

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
