import type { SecretBox } from '../../common/crypto/secret-box';

/** A source's stored secrets could not be read: another key than the one they were saved with, or a changed value. */
export class StoredSecretsError extends Error {
  constructor(reason: string) {
    super(`stored secrets cannot be decrypted (${reason}): the server's key (HAMGAM_SECRET_KEY or DATA_DIR/secret.key) differs or the value was changed`);
    this.name = 'StoredSecretsError';
  }
}

/** What `sources.secrets` holds: one SecretBox ciphertext of the whole JSON object, `{}` included. */
export function sealSecrets(box: SecretBox, secrets: Readonly<Record<string, string>>): string {
  return box.encrypt(JSON.stringify(secrets));
}

/**
 * The secrets by field name, in plain text. Also reads the per-value form the declared-connection migration wrote
 * (a JSON object of SecretBox ciphertexts), until the start-up upgrade has sealed every row as one ciphertext.
 */
export function openSecrets(box: SecretBox, stored: string): Record<string, string> {
  if (isPerValueForm(stored)) {
    const perValue = parseStringRecord(stored);
    return Object.fromEntries(Object.entries(perValue).map(([name, value]) => [name, decrypt(box, value)]));
  }
  return parseStringRecord(decrypt(box, stored));
}

/** True for the per-value form an older start left behind, which the start-up upgrade seals. */
export function isPerValueForm(stored: string): boolean {
  return stored.trimStart().startsWith('{');
}

function decrypt(box: SecretBox, ciphertext: string): string {
  try {
    return box.decrypt(ciphertext);
  } catch (error) {
    throw new StoredSecretsError(error instanceof Error ? error.message : String(error));
  }
}

function parseStringRecord(text: string): Record<string, string> {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new StoredSecretsError('not JSON');
  }
  const isStringRecord = typeof value === 'object' && value !== null && !Array.isArray(value) && Object.values(value).every((item) => typeof item === 'string');
  if (!isStringRecord) throw new StoredSecretsError('not an object of strings');
  return value as Record<string, string>;
}
