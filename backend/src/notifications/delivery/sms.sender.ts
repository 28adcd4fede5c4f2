import { DeliveryError, httpFailure, networkFailure } from './delivery-error';

export type SmsMessage = { apiKey: string; sender: string; recipients: string[]; text: string };

type KavenegarAnswer = { return?: { status?: unknown; message?: unknown } };

/**
 * One try through Kavenegar's `sms/send.json` (its HTTP API called directly, see docs/decisions.md). The API key
 * is part of the path, so no error message here names the address.
 */
export async function sendSms(baseUrl: string, message: SmsMessage, timeoutMs: number): Promise<void> {
  const url = `${baseUrl}/v1/${encodeURIComponent(message.apiKey)}/sms/send.json`;
  const body = new URLSearchParams({ receptor: message.recipients.join(','), sender: message.sender, message: message.text });
  let response: Response;
  try {
    response = await fetch(url, { method: 'POST', body, redirect: 'error', signal: AbortSignal.timeout(timeoutMs) });
  } catch (error) {
    throw networkFailure(error);
  }
  const answer = (await response.json().catch(() => ({}))) as KavenegarAnswer;
  const status = typeof answer.return?.status === 'number' ? answer.return.status : null;
  if (response.ok && status === 200) return;
  if (!response.ok && status === null) throw httpFailure(response.status, 'Kavenegar');
  // Kavenegar's own codes (401 bad key, 411 bad receptor, 418 no credit …) do not pass on a retry; 5xx may.
  throw new DeliveryError(`Kavenegar refused the message (status ${status ?? response.status})`, response.status >= 500);
}
