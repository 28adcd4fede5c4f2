import type { ConnectionSettings, ConnectionUpdate } from '@hamgam/shared';

/**
 * What the connection form edits. Secrets start empty: the server never returns them, so an empty secret
 * field means "keep the stored one", and removing a stored secret is a separate, explicit choice.
 */
export type ConnectionFormValues = {
  baseUrl: string;
  username: string;
  password: string;
  token: string;
  removePassword: boolean;
  removeToken: boolean;
};

/** Codes of the form's own checks, translated under `form.<code>`. */
export type ConnectionCheckCode = 'baseUrlRequired' | 'baseUrlInvalid' | 'passwordAgain' | 'tokenAgain';

export function toConnectionFormValues(connection: ConnectionSettings): ConnectionFormValues {
  return { baseUrl: connection.baseUrl, username: String(connection.username ?? ''), password: '', token: '', removePassword: false, removeToken: false };
}

/**
 * Catches what the server would refuse before anything is sent; the server checks again. A stored secret goes
 * only to the address it was saved for, so a new address needs each stored secret typed again (or removed).
 */
export function checkConnectionForm(values: ConnectionFormValues, initial: ConnectionFormValues, stored: Record<string, unknown>): Record<string, ConnectionCheckCode[]> {
  const baseUrl = values.baseUrl.trim();
  if (baseUrl === '') return { 'connection.baseUrl': ['baseUrlRequired'] };
  if (!isHttpUrl(baseUrl)) return { 'connection.baseUrl': ['baseUrlInvalid'] };
  if (baseUrl.replace(/\/+$/, '') === initial.baseUrl) return {};
  const found: Record<string, ConnectionCheckCode[]> = {};
  if (stored.hasPassword && secretUpdate(values.password, values.removePassword) === undefined) found['connection.password'] = ['passwordAgain'];
  if (stored.hasToken && secretUpdate(values.token, values.removeToken) === undefined) found['connection.token'] = ['tokenAgain'];
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
export function toConnectionUpdate(values: ConnectionFormValues, initial: ConnectionFormValues): ConnectionUpdate {
  const update: ConnectionUpdate = {};
  if (values.baseUrl.trim() !== initial.baseUrl) update.baseUrl = values.baseUrl.trim();
  if (values.username.trim() !== initial.username) update.username = values.username.trim();
  const password = secretUpdate(values.password, values.removePassword);
  if (password !== undefined) update.password = password;
  const token = secretUpdate(values.token, values.removeToken);
  if (token !== undefined) update.token = token;
  return update;
}

function secretUpdate(typed: string, remove: boolean): string | undefined {
  if (typed !== '') return typed;
  return remove ? '' : undefined;
}

/**
 * The connection to test, as it would be saved: the server fills a secret left out from the stored settings
 * (and sends stored secrets only to the stored address); a secret being removed is sent empty, so it is tested
 * as none.
 */
export function toTestedConnection(values: ConnectionFormValues): ConnectionUpdate {
  const password = secretUpdate(values.password, values.removePassword);
  const token = secretUpdate(values.token, values.removeToken);
  return {
    baseUrl: values.baseUrl.trim(),
    username: values.username.trim(),
    ...(password !== undefined ? { password } : {}),
    ...(token !== undefined ? { token } : {}),
  };
}

