import { z } from 'zod';
import type { ConnectionFieldKind, FieldProblem, OptionInfo, SourceSettingsInfo, WorkerSettings } from '@hamgam/shared';
import { addIssue, type FieldIssue, type FieldIssues } from '../../common/field-issues';

/** One connection field a source declares. The address is always the `url` field named `baseUrl`. */
export type ConnectionField = {
  name: string;
  kind: ConnectionFieldKind;
  isRequired: boolean;
  /** A secret the connection test cannot go without. */
  isNeededForTest?: boolean;
  /** Environment variable that seeds the field at first start. */
  env?: string;
};

/**
 * A source's settings, declared once: its connection fields and its options as one zod object whose fields
 * carry their default, limits and `.meta({ labelKey })`. An option with `.meta({ isCustom: true })` is edited
 * by the source's own tab, not a generic one.
 */
export type SourceSettings = {
  connection: readonly ConnectionField[];
  options: z.ZodObject;
};

export type SettingsCheck<T> = { ok: true; value: T } | { ok: false; fields: FieldIssues };

const MAX_FIELD_CHARS = 500;
const URL_MESSAGE = 'baseUrl must be an http(s) URL';

export function defineSourceSettings(settings: SourceSettings): SourceSettings {
  const names = settings.connection.map((field) => field.name);
  if (names.length > 0 && !settings.connection.some((field) => field.name === 'baseUrl' && field.kind === 'url')) {
    throw new Error('a source with connection fields declares its address as the url field baseUrl');
  }
  if (new Set(names).size !== names.length) throw new Error(`connection fields are named twice: ${names.join(', ')}`);
  return settings;
}

/** The `has<Field>` flag the API shows for a stored secret (`password` → `hasPassword`). */
export function storedFlag(name: string): string {
  return `has${name.charAt(0).toUpperCase()}${name.slice(1)}`;
}

/** Each option's default (options without one are absent). */
export function optionDefaults(settings: SourceSettings): Record<string, unknown> {
  const defaults: Record<string, unknown> = {};
  for (const [key, schema] of Object.entries(settings.options.shape)) {
    const parsed = (schema as z.ZodType).safeParse(undefined);
    if (parsed.success && parsed.data !== undefined) defaults[key] = parsed.data;
  }
  return defaults;
}

/**
 * The options a worker runs with: each stored value the declaration accepts, else its default with a warning
 * (a value stored under older limits must not stop a run).
 */
export function readDeclaredOptions(settings: SourceSettings, raw: Record<string, unknown>, warn: (message: string) => void): Record<string, unknown> {
  const options: Record<string, unknown> = {};
  for (const [key, schema] of Object.entries(settings.options.shape)) {
    const fallback = (schema as z.ZodType).safeParse(undefined);
    const value = raw[key];
    if (value === undefined || value === null) {
      if (fallback.success && fallback.data !== undefined) options[key] = fallback.data;
      continue;
    }
    const parsed = (schema as z.ZodType).safeParse(value);
    if (parsed.success) {
      options[key] = parsed.data;
      continue;
    }
    const usable = fallback.success ? fallback.data : undefined;
    warn(`option ${key} ${parsed.error.issues[0]?.message ?? 'is invalid'}; using ${usable === undefined ? 'none' : JSON.stringify(usable)}`);
    if (usable !== undefined) options[key] = usable;
  }
  return options;
}

/**
 * Options sent with `PATCH /api/sources/:id`: unknown keys refused, each sent key checked, and the object's
 * own checks (e.g. a year range) run over the stored options with the sent ones on top. Only the sent keys
 * come back, as the declaration cleans them.
 */
export function checkOptionsUpdate(
  settings: SourceSettings,
  stored: Record<string, unknown>,
  sent: Record<string, unknown>,
): SettingsCheck<Record<string, unknown>> {
  const shape = settings.options.shape;
  const fields: FieldIssues = {};
  const add = (key: string, issue: FieldIssue) => addIssue(fields, `options.${key}`, issue);
  const known = Object.keys(shape);
  for (const key of Object.keys(sent)) {
    if (!(key in shape)) {
      add(key, { code: 'unknownOption', message: known.length > 0 ? `unknown option; this source takes ${known.join(', ')}` : 'this source has no options' });
    }
  }
  if (Object.keys(fields).length > 0) return { ok: false, fields };
  const merged = { ...pickKnown(stored, known), ...sent };
  const parsed = settings.options.safeParse(merged);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const key = String(issue.path[0] ?? '');
      // A stored value under older limits is the worker's to fall back from; only what was sent is refused here.
      if (key in sent) add(key, zodIssue(issue));
    }
    if (Object.keys(fields).length > 0) return { ok: false, fields };
  }
  const value: Record<string, unknown> = {};
  for (const key of Object.keys(sent)) {
    const one = (shape[key] as z.ZodType).safeParse(sent[key]);
    if (one.success) value[key] = one.data;
    else add(key, one.error.issues[0] ? zodIssue(one.error.issues[0]) : { code: 'invalid', message: 'invalid' });
  }
  return Object.keys(fields).length > 0 ? { ok: false, fields } : { ok: true, value };
}

/**
 * A zod refusal as a field issue: its limits as values (`tooSmall {min}`), a custom check's own `params.code`
 * (a source names what its refinements mean), anything else `invalid`.
 */
function zodIssue(issue: z.core.$ZodIssue): FieldIssue {
  const { message } = issue;
  if (issue.code === 'too_small') return { code: 'tooSmall', params: { min: Number(issue.minimum) }, message };
  if (issue.code === 'too_big') return { code: issue.origin === 'string' ? 'tooLong' : 'tooBig', params: { max: Number(issue.maximum) }, message };
  if (issue.code === 'invalid_type' && issue.expected === 'number') return { code: 'notANumber', message };
  if (issue.code === 'custom') {
    const problem = issue.params as Partial<FieldProblem> | undefined;
    if (problem?.code) return { code: problem.code, ...(problem.params ? { params: problem.params } : {}), message };
  }
  return { code: 'invalid', message };
}

function pickKnown(raw: Record<string, unknown>, keys: string[]): Record<string, unknown> {
  return Object.fromEntries(Object.entries(raw).filter(([key, value]) => keys.includes(key) && value !== undefined));
}

/** Connection fields sent (PATCH or test): only declared names, strings, the address an http(s) URL. */
export function checkConnectionUpdate(fields: readonly ConnectionField[], sent: Record<string, unknown>): SettingsCheck<Record<string, string>> {
  const errors: FieldIssues = {};
  const value: Record<string, string> = {};
  for (const [name, raw] of Object.entries(sent)) {
    if (raw === undefined) continue;
    const field = fields.find((candidate) => candidate.name === name);
    const key = `connection.${name}`;
    if (!field) {
      const message = fields.length > 0 ? `unknown field; this source takes ${fields.map((f) => f.name).join(', ')}` : 'this source has no connection';
      errors[key] = [{ code: 'unknownField', message }];
    } else if (typeof raw !== 'string') {
      errors[key] = [{ code: 'invalid', message: `${name} must be a string` }];
    } else if (raw.length > MAX_FIELD_CHARS) {
      errors[key] = [{ code: 'tooLong', params: { max: MAX_FIELD_CHARS }, message: `${name} must be at most ${MAX_FIELD_CHARS} characters` }];
    } else if (field.kind === 'url' && !isHttpUrl(raw)) {
      errors[key] = [{ code: 'url', message: URL_MESSAGE }];
    } else {
      value[name] = field.kind === 'url' ? raw.replace(/\/+$/, '') : raw;
    }
  }
  return Object.keys(errors).length > 0 ? { ok: false, fields: errors } : { ok: true, value };
}

function isHttpUrl(raw: string): boolean {
  try {
    const url = new URL(raw);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== '';
  } catch {
    return false;
  }
}

/** The declaration as the settings form reads it: the connection fields, and the options as JSON Schema. */
export function describeSettings(settings: SourceSettings): SourceSettingsInfo {
  const schema = z.toJSONSchema(settings.options, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
  const { $schema: _schema, ...rest } = schema;
  return {
    connection: settings.connection.map((field) => ({
      name: field.name,
      kind: field.kind,
      isRequired: field.isRequired,
      isNeededForTest: field.isNeededForTest ?? false,
    })),
    options: { ...rest, type: 'object', properties: (rest.properties ?? {}) as Record<string, OptionInfo> },
  };
}

/** The secret values of a connection, to mask wherever a message might echo one. */
export function secretValues(fields: readonly ConnectionField[], connection: WorkerSettings['connection']): string[] {
  if (!connection) return [];
  return fields
    .filter((field) => field.kind === 'secret')
    .map((field) => connection[field.name])
    .filter((value): value is string => Boolean(value));
}
