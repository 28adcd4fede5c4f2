import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** Where the real Moodle 4.3 responses the stand-in imitates are kept (same path from src/ and dist/). */
export const MOODLE_FIXTURES_DIR = resolve(__dirname, '../../fixtures/moodle');

/** A captured response body, parsed. */
export const fixture = (name: string): unknown => JSON.parse(readFileSync(join(MOODLE_FIXTURES_DIR, name), 'utf8'));
/** A captured response body as sent (the XML ones). */
export const fixtureText = (name: string): string => readFileSync(join(MOODLE_FIXTURES_DIR, name), 'utf8');

const kind = (value: unknown): string => (value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value);

/**
 * The differences between two JSON values' shapes: the same keys in the same order, the same JSON type
 * for every value, list items compared index by index (the last expected item stands for the rest).
 */
export const shapeDifferences = (actual: unknown, expected: unknown, path = '$'): string[] => {
  if (kind(actual) !== kind(expected)) return [`${path}: ${kind(actual)} instead of ${kind(expected)}`];
  if (Array.isArray(actual) && Array.isArray(expected)) {
    if (expected.length === 0) return [];
    return actual.flatMap((item, index) => shapeDifferences(item, expected[Math.min(index, expected.length - 1)], `${path}[${index}]`));
  }
  if (kind(actual) !== 'object') return [];
  const a = actual as Record<string, unknown>;
  const e = expected as Record<string, unknown>;
  const keys =
    Object.keys(a).join(',') === Object.keys(e).join(',') ? [] : [`${path}: keys ${Object.keys(a).join(',')} instead of ${Object.keys(e).join(',')}`];
  return [
    ...keys,
    ...Object.keys(a)
      .filter((key) => key in e)
      .flatMap((key) => shapeDifferences(a[key], e[key], `${path}.${key}`)),
  ];
};
