import {
  COMMON_COUNTS,
  COMMON_FLAGS,
  createCountedFaultSwitch,
  parseFaultsBody,
  type CommonFaults,
  type CountedFaultSwitch,
  type ParsedFaults,
} from '../common/faults';

/** The common faults (a token expiring answers 401), plus what only the CRM's change feed does. */
export type CrmFaults = CommonFaults & {
  /** The next N batch-push calls answer 500 (other calls are unaffected). */
  failPushNext?: number;
  /** At-least-once delivery: each page after the first opens with this many changes of the page before. */
  repeatPerPage?: number;
  /** The CRM keeps changing: after each pull-changes answer, this many changes (edits, deletes, revivals, additions) happen. */
  churnPerPull?: number;
};

export type CountedCrmFault = 'failNext' | 'rateLimitNext' | 'truncateNext' | 'failPushNext';

export const parseCrmFaults = (value: unknown): ParsedFaults<CrmFaults> =>
  parseFaultsBody<CrmFaults>(value, {
    counts: [...COMMON_COUNTS, 'failPushNext', 'repeatPerPage', 'churnPerPull'],
    flags: [...COMMON_FLAGS],
  });

export type CrmFaultSwitch = CountedFaultSwitch<CrmFaults, CountedCrmFault>;

export const createCrmFaultSwitch = (): CrmFaultSwitch => createCountedFaultSwitch<CrmFaults, CountedCrmFault>();
