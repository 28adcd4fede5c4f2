import { ConsoleLogger, type LoggerService, type LogLevel } from '@nestjs/common';
import pino from 'pino';
import { redactSecrets } from '../http/json-http-client';
import { describeLogLine, isLogLine, type LogFields } from './log-fields';
import { currentRequestId, requestIds } from './request-context';

export type LogFormat = 'json' | 'text';

/** Field names whose values never reach a log line, at any depth pino looks (it redacts the listed paths). */
const SECRET_PATHS = ['password', 'secret', 'token', 'apiKey', 'authorization', 'cookie'].flatMap((key) => [key, `*.${key}`]);

/** Text of a message with the secret shapes masked (`"password":"…"`, `Bearer …`); non-text messages as JSON. */
function messageText(message: unknown): string {
  const text = isLogLine(message)
    ? message.msg
    : typeof message === 'string'
      ? message
      : message instanceof Error
        ? (message.stack ?? message.message)
        : JSON.stringify(message);
  return redactSecrets(text ?? String(message), []);
}

/** Nest passes the logger's context last; `error` may pass a stack before it. */
function splitParams(params: unknown[], isError: boolean): { context?: string; stack?: string } {
  const context = params.length > 0 && typeof params[params.length - 1] === 'string' ? (params[params.length - 1] as string) : undefined;
  const stack = isError && params.length >= 2 && typeof params[0] === 'string' ? params[0] : undefined;
  return { context, stack };
}

/**
 * Production logs: one JSON object per line on stdout (pino), with `time`, `level`, `context`, `msg`, the request id of
 * the request being served, and a message's own fields (`runId`, `sourceId`). Secret-looking fields and text are masked.
 */
export class JsonLogger implements LoggerService {
  private readonly pino: pino.Logger;

  constructor(destination?: pino.DestinationStream) {
    const options: pino.LoggerOptions = {
      base: { service: 'hamgam', pid: process.pid },
      level: 'debug',
      messageKey: 'msg',
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
      redact: { paths: SECRET_PATHS, censor: '***' },
    };
    this.pino = destination ? pino(options, destination) : pino(options);
  }

  log(message: unknown, ...params: unknown[]): void {
    this.write('info', message, params);
  }
  warn(message: unknown, ...params: unknown[]): void {
    this.write('warn', message, params);
  }
  error(message: unknown, ...params: unknown[]): void {
    this.write('error', message, params, true);
  }
  debug(message: unknown, ...params: unknown[]): void {
    this.write('debug', message, params);
  }
  verbose(message: unknown, ...params: unknown[]): void {
    this.write('trace', message, params);
  }
  fatal(message: unknown, ...params: unknown[]): void {
    this.write('fatal', message, params, true);
  }

  /** One line per finished API request. */
  request(line: { requestId: string; method: string; path: string; status: number; ms: number }): void {
    this.pino[line.status >= 500 ? 'error' : 'info']({ context: 'HTTP', ...line }, `${line.method} ${line.path} ${line.status}`);
  }

  private write(level: pino.Level | 'trace', message: unknown, params: unknown[], isError = false): void {
    const { context, stack } = splitParams(params, isError);
    const fields: LogFields & { context?: string; requestId?: string; stack?: string } = { context, requestId: currentRequestId() };
    if (isLogLine(message)) Object.assign(fields, message.fields);
    if (stack) fields.stack = redactSecrets(stack, []);
    this.pino[level](fields, messageText(message));
  }
}

/** Development logs: Nest's coloured lines, with a message's fields appended as `key=value` and secrets masked. */
export class TextLogger extends ConsoleLogger {
  protected override stringifyMessage(message: unknown, logLevel: LogLevel): unknown {
    if (isLogLine(message)) return super.stringifyMessage(redactSecrets(describeLogLine(message), []), logLevel);
    if (typeof message === 'string') return super.stringifyMessage(redactSecrets(message, []), logLevel);
    return super.stringifyMessage(message, logLevel);
  }
}

/** The process's logger: JSON lines in production, Nest's text lines in development. */
export function createAppLogger(format: LogFormat): LoggerService {
  return format === 'json' ? new JsonLogger() : new TextLogger({ logLevels: ['log', 'warn', 'error', 'fatal'] });
}

const QUIET_PATHS = new Set(['/api/health', '/api/health/ready', '/metrics']);

/**
 * The request-id middleware for `logger`; a JSON logger also gets one line per finished API request (not the admin
 * UI's files, and not the probes and scrapes that succeed).
 */
export function requestLogging(logger: LoggerService | undefined): ReturnType<typeof requestIds> {
  if (!(logger instanceof JsonLogger)) return requestIds();
  return requestIds((line) => {
    if (!line.path.startsWith('/api') && line.path !== '/metrics') return;
    if (QUIET_PATHS.has(line.path) && line.status < 400) return;
    logger.request(line);
  });
}
