import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';

type RequestContext = { requestId: string };

const storage = new AsyncLocalStorage<RequestContext>();

/** The id of the HTTP request being served, for log lines written while serving it; undefined outside a request. */
export function currentRequestId(): string | undefined {
  return storage.getStore()?.requestId;
}

// A proxy's id is kept when it looks like one (letters, digits, dashes, dots; at most 64), so lines join across hops;
// anything else is replaced rather than written into the log.
const FORWARDED_ID = /^[A-Za-z0-9._-]{8,64}$/;

/**
 * Gives every request an id (the incoming `X-Request-Id` when well-formed, else a new UUID), answers it in
 * `X-Request-Id`, and runs the rest of the request inside it. `onFinished` hears each finished request (the JSON
 * logger writes one line per API request with it).
 */
export function requestIds(onFinished?: (line: { requestId: string; method: string; path: string; status: number; ms: number }) => void) {
  return (req: Request, res: Response, next: NextFunction) => {
    const incoming = req.get('x-request-id');
    const requestId = incoming && FORWARDED_ID.test(incoming) ? incoming : randomUUID();
    res.setHeader('X-Request-Id', requestId);
    const started = process.hrtime.bigint();
    if (onFinished) {
      res.on('finish', () => {
        // The path only: query strings carry searched names and national codes.
        onFinished({ requestId, method: req.method, path: req.path, status: res.statusCode, ms: Number((process.hrtime.bigint() - started) / 1_000_000n) });
      });
    }
    storage.run({ requestId }, next);
  };
}
