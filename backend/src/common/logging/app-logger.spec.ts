import { EventEmitter } from 'node:events';
import type { NextFunction, Request, Response } from 'express';
import { JsonLogger, TextLogger, requestLogging } from './app-logger';
import { logLine } from './log-fields';
import { currentRequestId } from './request-context';

function capture(): { lines: Record<string, unknown>[]; stream: { write: (chunk: string) => void } } {
  const lines: Record<string, unknown>[] = [];
  return { lines, stream: { write: (chunk: string) => lines.push(JSON.parse(chunk) as Record<string, unknown>) } };
}

/** Runs the middleware on a fake request and finishes the response with `status`; returns the answered id. */
function serve(middleware: ReturnType<typeof requestLogging>, path: string, status: number, incomingId?: string, during?: () => void): string {
  const headers: Record<string, string> = {};
  const res = Object.assign(new EventEmitter(), { statusCode: status, setHeader: (name: string, value: string) => (headers[name.toLowerCase()] = value) });
  const req = { method: 'GET', path, get: (name: string) => (name.toLowerCase() === 'x-request-id' ? incomingId : undefined) };
  const next: NextFunction = () => during?.();
  middleware(req as unknown as Request, res as unknown as Response, next);
  res.emit('finish');
  return headers['x-request-id'];
}

describe('JsonLogger', () => {
  it('writes one JSON object per line with level, context and a message’s fields', () => {
    const { lines, stream } = capture();
    const logger = new JsonLogger(stream);
    logger.log(logLine('run 12 of students ended success', { runId: 12, sourceId: 'students', status: 'success' }), 'RunRecorder');
    logger.warn('plain text', 'Scheduler');
    expect(lines).toEqual([
      expect.objectContaining({
        level: 'info',
        context: 'RunRecorder',
        msg: 'run 12 of students ended success',
        runId: 12,
        sourceId: 'students',
        status: 'success',
        service: 'hamgam',
      }),
      expect.objectContaining({ level: 'warn', context: 'Scheduler', msg: 'plain text' }),
    ]);
    expect(typeof lines[0].time).toBe('string');
    expect(lines[0]).not.toHaveProperty('requestId');
  });

  it('keeps the stack and the context Nest passes to error()', () => {
    const { lines, stream } = capture();
    new JsonLogger(stream).error('boom', 'Error: boom\n    at x (y.ts:1:1)', 'ExceptionsHandler');
    expect(lines[0]).toEqual(expect.objectContaining({ level: 'error', msg: 'boom', context: 'ExceptionsHandler', stack: 'Error: boom\n    at x (y.ts:1:1)' }));
  });

  it('masks secrets in text and in fields', () => {
    const { lines, stream } = capture();
    const logger = new JsonLogger(stream);
    logger.log('login body {"username":"a","password":"hunter2"} with Authorization: Bearer abc.def', 'Http');
    logger.log(logLine('connection saved', { sourceId: 'crm', password: 'hunter2', token: 't0k' }), 'Settings');
    const written = JSON.stringify(lines);
    expect(written).not.toContain('hunter2');
    expect(written).not.toContain('abc.def');
    expect(written).not.toContain('t0k');
    expect(lines[1]).toEqual(expect.objectContaining({ sourceId: 'crm', password: '***', token: '***' }));
  });

  it('adds the id of the request being served, and writes one line per API request', () => {
    const { lines, stream } = capture();
    const logger = new JsonLogger(stream);
    const middleware = requestLogging(logger);
    const answered = serve(middleware, '/api/runs', 200, undefined, () => logger.log('listing runs', 'Runs'));
    expect(answered).toMatch(/^[0-9a-f-]{36}$/);
    expect(lines).toEqual([
      expect.objectContaining({ msg: 'listing runs', requestId: answered }),
      expect.objectContaining({ context: 'HTTP', method: 'GET', path: '/api/runs', status: 200, requestId: answered }),
    ]);
    expect(currentRequestId()).toBeUndefined();
  });

  it('keeps a well-formed incoming X-Request-Id and replaces anything else', () => {
    const middleware = requestLogging(new JsonLogger(capture().stream));
    expect(serve(middleware, '/api/runs', 200, 'lb-7f3a9c21')).toBe('lb-7f3a9c21');
    const replaced = serve(middleware, '/api/runs', 200, 'x\n{"forged":true}');
    expect(replaced).not.toContain('forged');
    expect(replaced).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('writes no line for the admin UI’s files or a successful probe, but does for a failing one', () => {
    const { lines, stream } = capture();
    const middleware = requestLogging(new JsonLogger(stream));
    serve(middleware, '/assets/index.js', 200);
    serve(middleware, '/api/health', 200);
    serve(middleware, '/metrics', 200);
    serve(middleware, '/api/health/ready', 503);
    serve(middleware, '/api/runs', 500);
    expect(lines.map((line) => [line.path, line.level])).toEqual([
      ['/api/health/ready', 'error'],
      ['/api/runs', 'error'],
    ]);
  });
});

describe('TextLogger', () => {
  it('appends a message’s fields as key=value and masks secrets', () => {
    const written: string[] = [];
    const spy = jest.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
      written.push(String(chunk));
      return true;
    });
    try {
      const logger = new TextLogger({ colors: false });
      logger.log(logLine('run ended', { runId: 12, sourceId: 'students', skipped: undefined }), 'RunRecorder');
      logger.log('body {"password":"hunter2"}', 'Http');
    } finally {
      spy.mockRestore();
    }
    expect(written[0]).toContain('run ended (runId=12 sourceId=students)');
    expect(written[0]).not.toContain('skipped');
    expect(written[1]).toContain('"password":"***"');
    expect(written.join('')).not.toContain('hunter2');
  });

  it('does not log each request', () => {
    const spy = jest.spyOn(process.stdout, 'write').mockImplementation(() => true);
    try {
      serve(requestLogging(new TextLogger()), '/api/runs', 200);
      expect(spy).not.toHaveBeenCalled();
    } finally {
      spy.mockRestore();
    }
  });
});
