/** One field of a conflict, as each side has it. */
export type ComparedField = { field: string; local: string | null; server: string | null; differs: boolean };

function show(value: unknown): string | null {
  if (value === null || value === undefined || value === '') return null;
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/** Every field either side has, ours first in their order, then the CRM's others; `differs` marks a disagreement. */
export function compareVersions(local: Record<string, unknown>, server: Record<string, unknown>): ComparedField[] {
  const fields = [...new Set([...Object.keys(local), ...Object.keys(server)])];
  return fields.map((field) => {
    const ours = show(local[field]);
    const theirs = show(server[field]);
    return { field, local: ours, server: theirs, differs: ours !== theirs };
  });
}
