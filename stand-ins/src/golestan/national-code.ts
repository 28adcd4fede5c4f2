const BODY_SPACE = 1_000_000_000n;
const MULTIPLIER = 104_729n;
const OFFSET = 123_456_789n;

export const nationalCodeCheckDigit = (body: string): number => {
  let sum = 0;
  for (let i = 0; i < 9; i += 1) sum += Number(body[i]) * (10 - i);
  const r = sum % 11;
  return r < 2 ? r : 11 - r;
};

export const isValidNationalCode = (code: string): boolean => /^\d{10}$/.test(code) && nationalCodeCheckDigit(code) === Number(code[9]);

// Checksum-valid bodies such as 000000000 or 111111111 are still refused by
// common validators (persian-tools among them), so they count as invalid here.
const isPlausibleBody = (body: string): boolean => !/^(\d)\1{8}$/.test(body) && !body.startsWith('000') && body.slice(3, 9) !== '000000';

const scramble = (n: bigint): bigint => (n * MULTIPLIER + OFFSET) % BODY_SPACE;

// MULTIPLIER is coprime with 10^9, so different seed numbers below 10^9 give
// different bodies (except in the rare re-scrambled implausible case).
export const validNationalCode = (seedNumber: number): string => {
  if (!Number.isSafeInteger(seedNumber) || seedNumber < 0) {
    throw new RangeError(`seedNumber must be a non-negative safe integer, got ${seedNumber}`);
  }
  let value = scramble(BigInt(seedNumber) % BODY_SPACE);
  let body = value.toString().padStart(9, '0');
  while (!isPlausibleBody(body)) {
    value = scramble(value);
    body = value.toString().padStart(9, '0');
  }
  return body + String(nationalCodeCheckDigit(body));
};

export const withWrongCheckDigit = (code: string): string => code.slice(0, 9) + String((Number(code[9]) + 1) % 10);
