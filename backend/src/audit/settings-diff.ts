import { SECRET_CHANGED, type SettingChange } from '@hamgam/shared';

type Flat = Record<string, unknown>;

function flatten(value: unknown, prefix: string, into: Flat): Flat {
  if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
    for (const [key, item] of Object.entries(value)) flatten(item, prefix ? `${prefix}.${key}` : key, into);
  } else {
    into[prefix] = value ?? null;
  }
  return into;
}

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** A list's change as the items added and removed; a reordered list with the same items as before/after. */
function listChange(before: unknown[], after: unknown[]): SettingChange {
  const added = after.filter((item) => !before.some((old) => same(old, item)));
  const removed = before.filter((item) => !after.some((now) => same(now, item)));
  return added.length === 0 && removed.length === 0 ? { before, after } : { added, removed };
}

/**
 * Field-by-field differences of two settings snapshots, keyed by dotted path (`autoSync.every`). Lists (campuses,
 * quiet-window days) record what was added and removed; a path in `secretPaths` records only that it changed.
 * An empty answer means nothing changed.
 */
export function diffSettings(before: unknown, after: unknown, secretPaths: readonly string[] = []): Record<string, SettingChange> {
  const a = flatten(before, '', {});
  const b = flatten(after, '', {});
  const changes: Record<string, SettingChange> = {};
  for (const key of new Set([...Object.keys(a), ...Object.keys(b)])) {
    const old = a[key] ?? null;
    const now = b[key] ?? null;
    if (same(old, now)) continue;
    if (secretPaths.includes(key)) changes[key] = SECRET_CHANGED;
    else if (Array.isArray(old) && Array.isArray(now)) changes[key] = listChange(old, now);
    else changes[key] = { before: old, after: now };
  }
  return changes;
}
