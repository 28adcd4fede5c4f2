/** One field of a conflict, as each side has it; `isChanged`: our change sets it (our side holds only what it changes). */
export type ComparedField = { field: string; local: string | null; server: string | null; isChanged: boolean; differs: boolean };

function show(value: unknown): string | null {
  if (value === null || value === undefined || value === '') return null;
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/**
 * Every field either side has, the ones our change sets first; `differs` marks a field our change sets to something
 * other than the CRM's value (a field we did not change is the CRM's either way).
 */
export function compareVersions(local: Record<string, unknown>, server: Record<string, unknown>): ComparedField[] {
  const fields = [...new Set([...Object.keys(local), ...Object.keys(server)])];
  return fields.map((field) => {
    const ours = show(local[field]);
    const theirs = show(server[field]);
    const isChanged = Object.hasOwn(local, field);
    return { field, local: ours, server: theirs, isChanged, differs: isChanged && ours !== theirs };
  });
}
