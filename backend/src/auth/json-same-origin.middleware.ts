import type { NextFunction, Request, Response } from 'express';

const WRITE_METHODS = ['POST', 'PUT', 'PATCH', 'DELETE'];

/** Express's own test (type-is): a Transfer-Encoding header or a Content-Length means a body. */
function hasBody(request: Request): boolean {
  const length = request.headers['content-length'];
  return request.headers['transfer-encoding'] !== undefined || (length !== undefined && Number(length) > 0);
}

function mediaType(request: Request): string | null {
  const header = request.headers['content-type'];
  return header ? header.split(';')[0].trim().toLowerCase() : null;
}

/** Whether the Origin header names the host this request was sent to (default ports either way); `null` never does. */
function isOwnOrigin(origin: string, host: string | undefined): boolean {
  if (!host) return false;
  try {
    const url = new URL(origin);
    return url.host === new URL(`${url.protocol}//${host}`).host;
  } catch {
    return false;
  }
}

function refuse(response: Response, statusCode: 403 | 415, message: string): void {
  response.status(statusCode).json({ statusCode, error: statusCode === 403 ? 'Forbidden' : 'Unsupported Media Type', message });
}

/**
 * Every state-changing request (sign-in included) must be JSON and must not come from another site. A form
 * (`application/x-www-form-urlencoded`, `multipart/form-data`, `text/plain`) can be posted cross-site without a CORS
 * preflight; JSON cannot, so refusing every other body type (415) leaves a cross-site page no way to write. On top,
 * a browser's `Origin` must name this server's host and `Sec-Fetch-Site` must not be `cross-site` (403). Requests
 * without these headers (the CLI, curl, supertest) are not a browser's and pass.
 */
export function jsonSameOrigin(request: Request, response: Response, next: NextFunction): void {
  if (!WRITE_METHODS.includes(request.method)) return next();
  if (request.headers['sec-fetch-site'] === 'cross-site') return refuse(response, 403, 'cross-site requests may not change anything');
  const origin = request.headers.origin;
  // request.host is the Host header, or X-Forwarded-Host when a trusted proxy wrote it (TRUST_PROXY).
  if (origin !== undefined && !isOwnOrigin(origin, request.host)) {
    return refuse(response, 403, `requests from ${origin} may not change anything here`);
  }
  const type = mediaType(request);
  if ((hasBody(request) || type !== null) && type !== 'application/json') {
    return refuse(response, 415, 'send the body as application/json');
  }
  next();
}
