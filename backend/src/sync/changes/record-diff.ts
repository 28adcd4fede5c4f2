/** A stored value as the change log keeps it. */
export type ChangeValue = string | null;

/** The changed fields of an update: `[before, after]`, or 0 for a sensitive field (changed, values not kept). */
export type StoredDiff = Record<string, [ChangeValue, ChangeValue] | 0>;

/**
 * The fields of `fields` whose value differs between `before` and `after`; a field in `sensitive` is marked changed
 * without its values. Values compare as stored (text or null); numbers are kept as their text.
 */
export function diffRecord(
  before: Readonly<Record<string, unknown>>,
  after: Readonly<Record<string, unknown>>,
  fields: readonly string[],
  sensitive: ReadonlySet<string> = new Set(),
): StoredDiff {
  const diff: StoredDiff = {};
  for (const field of fields) {
    const old = asValue(before[field]);
    const next = asValue(after[field]);
    if (old === next) continue;
    diff[field] = sensitive.has(field) ? 0 : [old, next];
  }
  return diff;
}

function asValue(value: unknown): ChangeValue {
  if (value === null || value === undefined) return null;
  return typeof value === 'string' ? value : String(value as number | boolean);
}
