import type { NextFunction, Request, Response } from 'express';
import { jsonSameOrigin } from './json-same-origin.middleware';

/** Runs the middleware on a fake request: the status it answered, or 'next' when it let the request through. */
function run(method: string, headers: Record<string, string>, host = 'panel.example'): number | 'next' {
  let answered: number | 'next' = 'next';
  const response = { status: (code: number) => ((answered = code), { json: () => undefined }) } as unknown as Response;
  jsonSameOrigin({ method, headers, host } as unknown as Request, response, (() => undefined) as NextFunction);
  return answered;
}

describe('jsonSameOrigin', () => {
  it('should let reads through whatever they carry', () => {
    expect(run('GET', { 'content-type': 'text/plain', origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' })).toBe('next');
  });

  it('should let a JSON write through, with a charset or without a body and type', () => {
    expect(run('POST', { 'content-type': 'application/json; charset=utf-8', 'content-length': '2' })).toBe('next');
    expect(run('POST', { 'content-length': '0' })).toBe('next');
    expect(run('DELETE', {})).toBe('next');
  });

  it('should answer 415 to a write with another type, or a body without a type', () => {
    expect(run('POST', { 'content-type': 'application/x-www-form-urlencoded', 'content-length': '9' })).toBe(415);
    expect(run('PATCH', { 'content-type': 'text/plain' })).toBe(415);
    expect(run('PUT', { 'content-type': 'application/merge-patch+json', 'content-length': '2' })).toBe(415);
    expect(run('POST', { 'transfer-encoding': 'chunked' })).toBe(415);
  });

  it('should answer 403 to a write from another origin or a cross-site fetch, and accept its own origin on default ports', () => {
    expect(run('POST', { origin: 'https://evil.example' })).toBe(403);
    expect(run('POST', { origin: 'https://panel.example.evil.example' })).toBe(403);
    expect(run('POST', { origin: 'null' })).toBe(403);
    expect(run('POST', { 'sec-fetch-site': 'cross-site' })).toBe(403);
    expect(run('POST', { origin: 'https://panel.example', 'sec-fetch-site': 'same-origin' })).toBe('next');
    expect(run('POST', { origin: 'http://panel.example' }, 'panel.example:80')).toBe('next');
    expect(run('POST', { origin: 'http://panel.example:8080' })).toBe(403);
  });
});
