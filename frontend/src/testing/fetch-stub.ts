import { vi } from 'vitest';
import type { ApiErrorBody } from '@hamgam/shared';

export type StubRequest = { method: string; path: string; query: URLSearchParams; body: unknown };
export type StubReply = { status: number; body: unknown };
export type StubHandler = (request: StubRequest) => StubReply | unknown;

const REPLY = Symbol('reply');

/** A non-200 answer (or an explicit 200/202) from a stub handler. */
export function reply(status: number, body: unknown): StubReply {
  return { status, body, [REPLY]: true } as StubReply;
}

export function errorBody(statusCode: number, message: string, extra: Partial<ApiErrorBody> = {}): ApiErrorBody {
  return { statusCode, error: 'Error', message, ...extra };
}

function isReply(value: unknown): value is StubReply {
  return typeof value === 'object' && value !== null && REPLY in value;
}

/**
 * Replaces `fetch` with a router over "METHOD /api/path" keys (query strings ignored for matching).
 * A handler returns a body (200) or `reply(status, body)`; unknown routes answer 404. Every request is recorded.
 */
export function stubApi(routes: Record<string, StubHandler>) {
  const requests: StubRequest[] = [];
  const fetchStub = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = new URL(String(input), 'http://localhost');
    const method = (init?.method ?? 'GET').toUpperCase();
    const body = typeof init?.body === 'string' ? (JSON.parse(init.body) as unknown) : undefined;
    const request: StubRequest = { method, path: url.pathname, query: url.searchParams, body };
    requests.push(request);
    const handler = routes[`${method} ${url.pathname}`];
    const result = handler ? handler(request) : reply(404, errorBody(404, `no stub for ${method} ${url.pathname}`));
    const { status, body: responseBody } = isReply(result) ? result : { status: 200, body: result };
    return new Response(JSON.stringify(responseBody), { status, headers: { 'Content-Type': 'application/json' } });
  });
  vi.stubGlobal('fetch', fetchStub);
  return {
    requests,
    /** The requests to one route, e.g. `callsTo('GET /api/sources')`. */
    callsTo: (route: string) => requests.filter((request) => `${request.method} ${request.path}` === route),
  };
}
