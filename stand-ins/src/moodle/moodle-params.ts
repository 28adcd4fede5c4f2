// How Moodle reads a web-service call: PHP merges the query string with the form body (the body wins),
// expands bracketed names (`options[0][name]`) into nested arrays, and the external API then checks the
// result against the function's declared parameters, refusing unknown keys and mistyped values.

export type PhpValue = string | PhpArray;
export type PhpArray = { [key: string]: PhpValue };

/** `a[b][0]=x` style names into nested objects, as PHP's parse_str does; `a[]` appends. */
export const parsePhpParams = (pairs: Iterable<[string, string]>): PhpArray => {
  const root: PhpArray = {};
  for (const [name, value] of pairs) {
    const match = /^([^[]+)((?:\[[^\]]*\])*)$/.exec(name);
    if (!match) continue;
    const path = [match[1], ...[...match[2].matchAll(/\[([^\]]*)\]/g)].map((m) => m[1])];
    let node = root;
    path.forEach((segment, index) => {
      const key = segment === '' ? String(Object.keys(node).length) : segment;
      if (index === path.length - 1) {
        node[key] = value;
        return;
      }
      const next = node[key];
      if (typeof next !== 'object') node[key] = {};
      node = node[key] as PhpArray;
    });
  }
  return root;
};

/** The query string and the form body merged as PHP merges GET and POST for REQUEST. */
export const readRequestParams = (query: string, body: string, contentType: string | undefined): PhpArray => {
  const pairs: [string, string][] = [...new URLSearchParams(query)];
  // PHP does not read a JSON body: such a call looks like one without parameters.
  if (!contentType || contentType.startsWith('application/x-www-form-urlencoded')) pairs.push(...new URLSearchParams(body));
  return parsePhpParams(pairs);
};

export type ParamType = 'int' | 'bool' | 'text';

export type ParamSpec =
  | { kind: 'value'; type: ParamType; required: boolean; default?: string | number }
  | { kind: 'list'; item: ParamSpec; required: boolean }
  | { kind: 'object'; keys: Record<string, ParamSpec>; required: boolean };

export const value = (type: ParamType, required = true, fallback?: string | number): ParamSpec => ({
  kind: 'value',
  type,
  required,
  default: fallback,
});
export const list = (item: ParamSpec, required = false): ParamSpec => ({ kind: 'list', item, required });
export const object = (keys: Record<string, ParamSpec>, required = true): ParamSpec => ({ kind: 'object', keys, required });

export type Checked = string | number | boolean | Checked[] | { [key: string]: Checked };

/** Thrown by `checkParams` with the debuginfo Moodle gives an `invalidparameter` error. */
export class InvalidParameterError extends Error {}

const INT = /^-?\d+$/;

const checkValue = (spec: Extract<ParamSpec, { kind: 'value' }>, raw: PhpValue, key: string): Checked => {
  if (typeof raw !== 'string') {
    throw new InvalidParameterError(`${key} => Invalid parameter value detected: Scalar type expected, array or object received.`);
  }
  const expecting = (type: string) =>
    new InvalidParameterError(
      `${key} => Invalid parameter value detected: Invalid external api parameter: the value is "${raw}", the server was expecting "${type}" type`,
    );
  if (spec.type === 'int') {
    if (!INT.test(raw)) throw expecting('int');
    return Number(raw);
  }
  if (spec.type === 'bool') {
    // Cleaned to 0/1 and compared with what was sent: "true" and "false" do not survive.
    if (raw !== '0' && raw !== '1') throw expecting('bool');
    return raw === '1';
  }
  return raw;
};

const check = (spec: ParamSpec, raw: PhpValue, key: string): Checked => {
  if (spec.kind === 'value') return checkValue(spec, raw, key);
  if (typeof raw === 'string') {
    throw new InvalidParameterError(`${key} => Invalid parameter value detected: Only arrays accepted. The bad value is: '${raw}'`);
  }
  if (spec.kind === 'list') return Object.entries(raw).map(([index, item]) => check(spec.item, item, index));
  return checkObject(spec.keys, raw);
};

const checkObject = (keys: Record<string, ParamSpec>, raw: PhpArray): { [key: string]: Checked } => {
  const result: { [key: string]: Checked } = {};
  for (const [name, spec] of Object.entries(keys)) {
    const item = raw[name];
    if (item === undefined) {
      if (spec.required) throw new InvalidParameterError(`Missing required key in single structure: ${name}`);
      if (spec.kind === 'value' && spec.default !== undefined) result[name] = spec.default;
      if (spec.kind === 'list') result[name] = [];
      if (spec.kind === 'object') result[name] = {};
      continue;
    }
    result[name] = check(spec, item, name);
  }
  const unexpected = Object.keys(raw).filter((name) => !(name in keys));
  if (unexpected.length > 0) throw new InvalidParameterError(`Unexpected keys (${unexpected.join(', ')}) detected in parameter array.`);
  return result;
};

/** The call's own parameters (ws* and moodlews* removed) checked against the function's declaration. */
export const checkParams = (keys: Record<string, ParamSpec>, params: PhpArray): { [key: string]: Checked } => {
  const own = Object.fromEntries(
    Object.entries(params).filter(([name]) => !['wstoken', 'wsfunction', 'moodlewsrestformat'].includes(name) && !name.startsWith('moodlewssetting')),
  );
  return checkObject(keys, own);
};
