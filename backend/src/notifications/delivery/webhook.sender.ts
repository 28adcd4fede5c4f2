import { createHmac } from 'node:crypto';
import type { WebhookPayload } from '@hamgam/shared';
import { httpFailure, networkFailure } from './delivery-error';

export const SIGNATURE_HEADER = 'X-Hamgam-Signature';

/** `sha256=<hex HMAC-SHA256 of the raw body>`, what a receiver recomputes with the shared secret. */
export function signatureOf(body: string, secret: string): string {
  return `sha256=${createHmac('sha256', secret).update(body, 'utf8').digest('hex')}`;
}

/** One try: POSTs the JSON (signed when the channel has a secret); a 2xx is delivered, anything else throws a DeliveryError. */
export async function sendWebhook(url: string, secret: string | null, payload: WebhookPayload, timeoutMs: number): Promise<void> {
  const body = JSON.stringify(payload);
  const headers: Record<string, string> = { 'Content-Type': 'application/json; charset=utf-8', 'User-Agent': 'Hamgam-Alerts' };
  if (secret) headers[SIGNATURE_HEADER] = signatureOf(body, secret);
  let response: Response;
  try {
    response = await fetch(url, { method: 'POST', headers, body, redirect: 'manual', signal: AbortSignal.timeout(timeoutMs) });
  } catch (error) {
    throw networkFailure(error);
  }
  await response.body?.cancel();
  if (response.status < 200 || response.status >= 300) throw httpFailure(response.status, 'the receiver');
}
