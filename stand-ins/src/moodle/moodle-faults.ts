import {
  COMMON_COUNTS,
  COMMON_FLAGS,
  createCountedFaultSwitch,
  parseFaultsBody,
  type CommonFaults,
  type CountedFaultSwitch,
  type ParsedFaults,
} from '../common/faults';

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

export type MoodleFaultSwitch = CountedFaultSwitch<MoodleFaults, 'failNext' | 'rateLimitNext' | 'truncateNext'>;

export const createMoodleFaultSwitch = (): MoodleFaultSwitch => createCountedFaultSwitch<MoodleFaults, 'failNext' | 'rateLimitNext' | 'truncateNext'>();
