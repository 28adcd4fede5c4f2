const SECRET_KEY = /pass(word)?|secret|token|key/i;

/** A copy of a request body fit for the audit trail: secret fields become "changed", long text is cut. */
export function redactForAudit(value: unknown, depth = 0): unknown {
  if (depth > 4) return '…';
  if (Array.isArray(value)) return value.slice(0, 50).map((item) => redactForAudit(item, depth + 1));
  if (typeof value === 'string') return value.length > 500 ? `${value.slice(0, 499)}…` : value;
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, SECRET_KEY.test(key) ? 'changed' : redactForAudit(item, depth + 1)]));
}

/**
 * The ways a secret can appear in text: as typed, and percent-encoded as a URL or a form body carries it
 * (`encodeURIComponent`, `encodeURI`, form encoding with `+` for a space), with upper- or lower-case hex.
 */
export function secretVariants(secret: string): string[] {
  const encodings = [encodeURIComponent(secret), encodeURI(secret), new URLSearchParams({ s: secret }).toString().slice(2)];
  const forms = encodings.flatMap((encoded) => [encoded, encoded.replace(/%20/g, '+'), encoded.replace(/%[0-9A-F]{2}/g, (hex) => hex.toLowerCase())]);
  // Longest first, so a variant that contains another is masked whole.
  return [...new Set([secret, ...forms])].filter((variant) => variant.length > 0).sort((a, b) => b.length - a.length);
}

/** Replaces every secret in `text`, plain or URL/form-encoded, with `***`. */
export function maskSecrets(text: string, secrets: readonly string[]): string {
  let result = text;
  for (const secret of secrets) {
    if (secret.length === 0) continue;
    for (const variant of secretVariants(secret)) result = result.split(variant).join('***');
  }
  return result;
}
