import type { ConnectionFieldInfo, ConnectionSettings, ConnectionUpdate } from '@hamgam/shared';

/**
 * What the connection form edits, one entry per field the source declares. Secrets start empty: the server never
 * returns them, so an empty secret means "keep the stored one", and removing a stored secret is a separate,
 * explicit choice (`removed`).
 */
export type ConnectionFormValues = {
  values: Record<string, string>;
  removed: Record<string, boolean>;
};

/** Codes of the form's own checks, translated under `form.<code>`. */
export type ConnectionCheckCode = 'baseUrlRequired' | 'baseUrlInvalid' | 'secretAgain';

/** The `has<Field>` flag the API sends for a stored secret (`password` → `hasPassword`). */
export function storedFlag(name: string): string {
  return `has${name.charAt(0).toUpperCase()}${name.slice(1)}`;
}

export function isSecretStored(connection: ConnectionSettings, name: string): boolean {
  return connection[storedFlag(name)] === true;
}

export function toConnectionFormValues(fields: readonly ConnectionFieldInfo[], connection: ConnectionSettings): ConnectionFormValues {
  const values: Record<string, string> = {};
  for (const field of fields) {
    const stored = connection[field.name];
    values[field.name] = field.kind !== 'secret' && typeof stored === 'string' ? stored : '';
  }
  return { values, removed: {} };
}

/**
 * Catches what the server would refuse before anything is sent; the server checks again. A stored secret goes
 * only to the address it was saved for, so a new address needs each stored secret typed again (or removed).
 */
export function checkConnectionForm(
  fields: readonly ConnectionFieldInfo[],
  form: ConnectionFormValues,
  initial: ConnectionFormValues,
  stored: ConnectionSettings,
): Record<string, ConnectionCheckCode[]> {
  const baseUrl = (form.values.baseUrl ?? '').trim();
  if (baseUrl === '') return { 'connection.baseUrl': ['baseUrlRequired'] };
  if (!isHttpUrl(baseUrl)) return { 'connection.baseUrl': ['baseUrlInvalid'] };
  if (baseUrl.replace(/\/+$/, '') === initial.values.baseUrl) return {};
  const found: Record<string, ConnectionCheckCode[]> = {};
  for (const field of fields) {
    if (field.kind === 'secret' && isSecretStored(stored, field.name) && secretUpdate(form, field.name) === undefined)
      found[`connection.${field.name}`] = ['secretAgain'];
  }
  return found;
}

function isHttpUrl(text: string): boolean {
  try {
    const url = new URL(text);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== '';
  } catch {
    return false;
  }
}

/** The `connection` of a PATCH: only what changed; a typed secret replaces the stored one, `''` removes it. */
export function toConnectionUpdate(fields: readonly ConnectionFieldInfo[], form: ConnectionFormValues, initial: ConnectionFormValues): ConnectionUpdate {
  const update: ConnectionUpdate = {};
  for (const field of fields) {
    if (field.kind === 'secret') {
      const secret = secretUpdate(form, field.name);
      if (secret !== undefined) update[field.name] = secret;
    } else if ((form.values[field.name] ?? '').trim() !== initial.values[field.name]) {
      update[field.name] = (form.values[field.name] ?? '').trim();
    }
  }
  return update;
}

function secretUpdate(form: ConnectionFormValues, name: string): string | undefined {
  const typed = form.values[name] ?? '';
  if (typed !== '') return typed;
  return form.removed[name] ? '' : undefined;
}

/**
 * The connection to test, as it would be saved: the server fills a secret left out from the stored settings
 * (and sends stored secrets only to the stored address); a secret being removed is sent empty, so it is tested
 * as none.
 */
export function toTestedConnection(fields: readonly ConnectionFieldInfo[], form: ConnectionFormValues): ConnectionUpdate {
  const tested: ConnectionUpdate = {};
  for (const field of fields) {
    if (field.kind !== 'secret') tested[field.name] = (form.values[field.name] ?? '').trim();
    else if (secretUpdate(form, field.name) !== undefined) tested[field.name] = secretUpdate(form, field.name);
  }
  return tested;
}
