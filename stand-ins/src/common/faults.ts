import { isRecord } from './json-http';

/** The faults every stand-in can serve, set over `POST /__control/faults`. Each is off until set. */
export type CommonFaults = {
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
  /** Logging in fails whatever the credentials. */
  loginFails?: boolean;
};

export const COMMON_COUNTS = ['failNext', 'rateLimitNext', 'retryAfterSeconds', 'truncateNext', 'delayMs', 'expireTokensAfterCalls'] as const;
export const COMMON_FLAGS = ['truncateAlways', 'loginFails'] as const;

export type ParsedFaults<T> = { ok: true; faults: T } | { ok: false; errors: string[] };

/**
 * Checks a faults body: only known keys, counts as non-negative integers, flags as booleans, and each other key
 * by its own check (which returns what is wrong with it).
 */
export function parseFaultsBody<T>(
  value: unknown,
  shape: { counts: readonly string[]; flags: readonly string[]; others?: Record<string, (value: unknown) => string[]> },
): ParsedFaults<T> {
  if (!isRecord(value)) return { ok: false, errors: ['faults must be a JSON object'] };
  const others = shape.others ?? {};
  const known = [...shape.counts, ...shape.flags, ...Object.keys(others)];
  const errors = Object.keys(value)
    .filter((key) => !known.includes(key))
    .map((key) => `unknown fault "${key}" (known: ${known.join(', ')})`);
  for (const key of shape.counts) {
    const v = value[key];
    if (v !== undefined && !(Number.isInteger(v) && (v as number) >= 0)) errors.push(`${key} must be a non-negative integer`);
  }
  for (const key of shape.flags) {
    if (value[key] !== undefined && typeof value[key] !== 'boolean') errors.push(`${key} must be a boolean`);
  }
  for (const [key, check] of Object.entries(others)) {
    if (value[key] !== undefined) errors.push(...check(value[key]));
  }
  return errors.length > 0 ? { ok: false, errors } : { ok: true, faults: value as T };
}

/** A stand-in's current faults, and the counted ones spent only when served (so `failNext: 2` gives exactly two 500s). */
export type CountedFaultSwitch<F extends CommonFaults, K extends string> = {
  set(faults: F): void;
  current(): F;
  take(key: K): boolean;
};

export const createCountedFaultSwitch = <F extends CommonFaults, K extends string & keyof F>(): CountedFaultSwitch<F, K> => {
  let faults = {} as F;
  return {
    set: (next) => {
      faults = { ...next };
    },
    current: () => ({ ...faults }),
    take: (key) => {
      if (key === 'truncateNext' && faults.truncateAlways) return true;
      const left = (faults[key] as number | undefined) ?? 0;
      if (left <= 0) return false;
      faults = { ...faults, [key]: left - 1 };
      return true;
    },
  };
};
