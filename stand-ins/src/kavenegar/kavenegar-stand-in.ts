import type { IncomingMessage, ServerResponse } from 'node:http';
import { readBody, sendJson } from '../common/json-http';
import { serve } from '../common/serve';

export type KavenegarMessage = { receptor: string[]; sender: string; message: string; at: string };

export type KavenegarStandInOptions = {
  /** The API key it accepts; any other answers 401 as Kavenegar does. */
  apiKey: string;
  port?: number;
  host?: string;
};

export type KavenegarStandIn = {
  url: string;
  /** Every message accepted, in order. */
  messages: KavenegarMessage[];
  /** The next `count` sends answer HTTP 502, as a gateway in trouble would. */
  failNext: (count: number) => void;
  close: () => Promise<void>;
};

const PATH = /^\/v1\/([^/]+)\/sms\/send\.json$/;

/**
 * A stand-in for Kavenegar's `sms/send.json` (GET query or POST form, `receptor` comma-separated): the answer
 * shape `{return: {status, message}, entries}` of its documentation, 401 for a wrong key, 411 without a receptor.
 */
export async function startKavenegarStandIn(options: KavenegarStandInOptions): Promise<KavenegarStandIn> {
  const messages: KavenegarMessage[] = [];
  let failures = 0;
  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const url = new URL(req.url ?? '/', 'http://stand-in');
    const body = await readBody(req);
    const match = PATH.exec(url.pathname);
    if (!match) return sendJson(res, 404, { return: { status: 404, message: 'not found' }, entries: null });
    if (failures > 0) {
      failures--;
      return sendJson(res, 502, { message: 'bad gateway' });
    }
    if (decodeURIComponent(match[1]) !== options.apiKey)
      return sendJson(res, 401, { return: { status: 401, message: 'API-Key معتبر نمی‌باشد' }, entries: null });
    const params = req.method === 'POST' ? new URLSearchParams(body) : url.searchParams;
    const receptor = (params.get('receptor') ?? '').split(',').filter(Boolean);
    const message = params.get('message') ?? '';
    if (receptor.length === 0) return sendJson(res, 400, { return: { status: 411, message: 'گیرنده نامعتبر است' }, entries: null });
    if (!message) return sendJson(res, 400, { return: { status: 414, message: 'متن پیام خالی است' }, entries: null });
    const at = new Date();
    messages.push({ receptor, sender: params.get('sender') ?? '', message, at: at.toISOString() });
    sendJson(res, 200, {
      return: { status: 200, message: 'تایید شد' },
      entries: receptor.map((number, i) => ({
        messageid: messages.length * 100 + i,
        message,
        status: 1,
        statustext: 'در صف ارسال',
        sender: params.get('sender') ?? '',
        receptor: number,
        date: Math.floor(at.getTime() / 1000),
        cost: 120,
      })),
    });
  };
  const served = await serve(handle, options.port ?? 0, options.host ?? '127.0.0.1', () => undefined);
  return { url: served.url, messages, failNext: (count) => (failures = count), close: served.close };
}
