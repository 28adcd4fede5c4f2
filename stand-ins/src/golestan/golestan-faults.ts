import { isRecord } from '../common/json-http';

export type GolestanFaults = {
  /** The next N data calls answer 500. */
  failNext?: number;
  /** The next N data calls answer 429 with a Retry-After header. */
  rateLimitNext?: number;
  /** Retry-After value (seconds) sent with each 429; default 1. */
  retryAfterSeconds?: number;
  /** The next N successful data calls answer 200 with the JSON body cut in half. */
  truncateNext?: number;
  /** Every successful data call answers with a truncated body. */
  truncateAlways?: boolean;
  /** Every data call waits this long before answering. */
  delayMs?: number;
  /** Every token stops working once it has served N data calls (counted from its login). */
  expireTokensAfterCalls?: number;
  /** /Login answers 401 whatever the credentials. */
  loginFails?: boolean;
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

const COUNT_KEYS = ['failNext', 'rateLimitNext', 'retryAfterSeconds', 'truncateNext', 'delayMs', 'expireTokensAfterCalls'] as const;
const FLAG_KEYS = ['truncateAlways', 'loginFails'] as const;
const KNOWN_KEYS: readonly string[] = [...COUNT_KEYS, ...FLAG_KEYS, 'studentCalls'];

const studentCallErrors = (value: unknown): string[] => {
  if (!Array.isArray(value)) return ['studentCalls must be a list of {codePardis, term, fail?, delayMs?}'];
  return value.flatMap((item, i) => {
    if (!isRecord(item)) return [`studentCalls[${i}] must be an object`];
    return [
      ...(typeof item.codePardis === 'string' && typeof item.term === 'string' ? [] : [`studentCalls[${i}] needs codePardis and term as strings`]),
      ...(item.fail === undefined || typeof item.fail === 'boolean' ? [] : [`studentCalls[${i}].fail must be a boolean`]),
      ...(item.delayMs === undefined || (Number.isInteger(item.delayMs) && (item.delayMs as number) >= 0) ? [] : [`studentCalls[${i}].delayMs must be a non-negative integer`]),
    ];
  });
};

export type ParsedFaults = { ok: true; faults: GolestanFaults } | { ok: false; errors: string[] };

export const parseFaults = (value: unknown): ParsedFaults => {
  if (!isRecord(value)) return { ok: false, errors: ['faults must be a JSON object'] };
  const errors = Object.keys(value)
    .filter((key) => !KNOWN_KEYS.includes(key))
    .map((key) => `unknown fault "${key}" (known: ${KNOWN_KEYS.join(', ')})`);
  for (const key of COUNT_KEYS) {
    const v = value[key];
    if (v !== undefined && !(Number.isInteger(v) && (v as number) >= 0)) errors.push(`${key} must be a non-negative integer`);
  }
  for (const key of FLAG_KEYS) {
    const v = value[key];
    if (v !== undefined && typeof v !== 'boolean') errors.push(`${key} must be a boolean`);
  }
  if (value.studentCalls !== undefined) errors.push(...studentCallErrors(value.studentCalls));
  return errors.length > 0 ? { ok: false, errors } : { ok: true, faults: value as GolestanFaults };
};

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
