import type { IncomingMessage, ServerResponse } from 'node:http';

export const JSON_CONTENT_TYPE = 'application/json; charset=utf-8';

const MAX_BODY_BYTES = 1024 * 1024;

export class BodyTooLargeError extends Error {}

// Always read the whole body, even for requests we reject: an unread body on a
// keep-alive socket would be parsed as the start of the next request.
export const readBody = (req: IncomingMessage): Promise<string> =>
  new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let isTooLarge = false;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) isTooLarge = true;
      else chunks.push(chunk);
    });
    req.on('end', () => (isTooLarge ? reject(new BodyTooLargeError()) : resolve(Buffer.concat(chunks).toString('utf8'))));
    req.on('error', reject);
  });

export type ParsedJson = { ok: true; value: unknown } | { ok: false };

export const parseJson = (text: string): ParsedJson => {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    return { ok: false };
  }
};

export const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

export const sendBytes = (res: ServerResponse, status: number, body: Buffer, headers: Record<string, string> = {}): void => {
  if (res.destroyed || res.headersSent) return;
  res.writeHead(status, { 'content-type': JSON_CONTENT_TYPE, 'content-length': String(body.length), ...headers });
  res.end(body);
};

export const sendJson = (res: ServerResponse, status: number, payload: unknown, headers: Record<string, string> = {}): void =>
  sendBytes(res, status, Buffer.from(JSON.stringify(payload), 'utf8'), headers);
