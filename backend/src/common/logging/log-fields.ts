/**
 * Fields a log line carries besides its text (`runId`, `sourceId`, …). Written as the message object
 * `logger.log(logLine('run ended', { runId: 12, sourceId: 'students' }))`: the JSON logger puts them at the top level
 * of the line; the text logger appends them as `key=value`.
 */
export type LogFields = Record<string, string | number | boolean | null | undefined>;

export type LogLine = { msg: string; fields: LogFields };

export function logLine(msg: string, fields: LogFields): LogLine {
  return { msg, fields };
}

export function isLogLine(value: unknown): value is LogLine {
  return typeof value === 'object' && value !== null && typeof (value as LogLine).msg === 'string' && typeof (value as LogLine).fields === 'object';
}

/** `run ended (runId=12 sourceId=students)` */
export function describeLogLine(line: LogLine): string {
  const pairs = Object.entries(line.fields)
    .filter(([, value]) => value !== undefined)
    .map(([key, value]) => `${key}=${String(value)}`);
  return pairs.length > 0 ? `${line.msg} (${pairs.join(' ')})` : line.msg;
}
