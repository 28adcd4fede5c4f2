import { COMMON_COUNTS, COMMON_FLAGS, parseFaultsBody, type CommonFaults, type ParsedFaults } from '../common/faults';
import { isRecord } from '../common/json-http';

/** The gateway stand-in's faults: the common ones (logging in is `/Login` answering 401) and per-pair student calls. */
export type GolestanFaults = CommonFaults & {
  /** Students_2 calls of these (campus, term) pairs: `fail` answers 500 every time, `delayMs` waits first. */
  studentCalls?: StudentCallFault[];
};

export type StudentCallFault = { codePardis: string; term: string; fail?: boolean; delayMs?: number };

export type GolestanStats = {
  logins: number;
  dataCalls: number;
  served500: number;
  served429: number;
  servedTruncated: number;
  served401: number;
  /** Students_2 calls answered, by term code. */
  studentCallsByTerm: Record<string, number>;
};

const studentCallErrors = (value: unknown): string[] => {
  if (!Array.isArray(value)) return ['studentCalls must be a list of {codePardis, term, fail?, delayMs?}'];
  return value.flatMap((item, i) => {
    if (!isRecord(item)) return [`studentCalls[${i}] must be an object`];
    return [
      ...(typeof item.codePardis === 'string' && typeof item.term === 'string' ? [] : [`studentCalls[${i}] needs codePardis and term as strings`]),
      ...(item.fail === undefined || typeof item.fail === 'boolean' ? [] : [`studentCalls[${i}].fail must be a boolean`]),
      ...(item.delayMs === undefined || (Number.isInteger(item.delayMs) && (item.delayMs as number) >= 0)
        ? []
        : [`studentCalls[${i}].delayMs must be a non-negative integer`]),
    ];
  });
};

export const parseFaults = (value: unknown): ParsedFaults<GolestanFaults> =>
  parseFaultsBody<GolestanFaults>(value, { counts: COMMON_COUNTS, flags: COMMON_FLAGS, others: { studentCalls: studentCallErrors } });

export const emptyStats = (): GolestanStats => ({
  logins: 0,
  dataCalls: 0,
  served500: 0,
  served429: 0,
  servedTruncated: 0,
  served401: 0,
  studentCallsByTerm: {},
});

export type FaultSwitch = {
  set(faults: GolestanFaults): void;
  reset(): void;
  current(): GolestanFaults;
  takeRateLimit(): number | null;
  takeFailure(): boolean;
  takeTruncation(): boolean;
  studentCall(codePardis: string, term: string): StudentCallFault | null;
};

// Counters are spent only when the fault is actually served, so a test that
// asks for failNext: 2 sees exactly two 500s whatever else is switched on.
export const createFaultSwitch = (): FaultSwitch => {
  let faults: GolestanFaults = {};

  const spend = (key: 'failNext' | 'rateLimitNext' | 'truncateNext'): boolean => {
    const left = faults[key] ?? 0;
    if (left <= 0) return false;
    faults = { ...faults, [key]: left - 1 };
    return true;
  };

  return {
    set: (next) => {
      faults = { ...next };
    },
    reset: () => {
      faults = {};
    },
    current: () => ({ ...faults }),
    takeRateLimit: () => (spend('rateLimitNext') ? (faults.retryAfterSeconds ?? 1) : null),
    takeFailure: () => spend('failNext'),
    takeTruncation: () => faults.truncateAlways === true || spend('truncateNext'),
    studentCall: (codePardis, term) => faults.studentCalls?.find((f) => f.codePardis === codePardis && f.term === term) ?? null,
  };
};
