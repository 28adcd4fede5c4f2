import type { IncomingMessage, ServerResponse } from 'node:http';

/** How deep a JSON body may nest; the API's deepest body (a source's settings) nests a handful of levels. */
export const MAX_JSON_DEPTH = 32;

/** The `type` of the body-parser error a too-deep body raises. */
export const DEEP_JSON_ERROR = 'entity.too.deep';

const [OPEN_OBJECT, CLOSE_OBJECT, OPEN_ARRAY, CLOSE_ARRAY, QUOTE, BACKSLASH] = ['{', '}', '[', ']', '"', '\\'].map((char) => char.charCodeAt(0));

/**
 * Whether JSON text nests objects and arrays deeper than `max`, read byte by byte (no parse, no recursion). Bytes of
 * multi-byte UTF-8 characters are never ASCII, so brackets and quotes are found exactly.
 */
export function isNestedDeeperThan(body: Buffer, max: number): boolean {
  let depth = 0;
  let isInString = false;
  for (let i = 0; i < body.length; i++) {
    const byte = body[i];
    if (isInString) {
      if (byte === BACKSLASH) i++;
      else if (byte === QUOTE) isInString = false;
    } else if (byte === QUOTE) {
      isInString = true;
    } else if (byte === OPEN_OBJECT || byte === OPEN_ARRAY) {
      if (++depth > max) return true;
    } else if (byte === CLOSE_OBJECT || byte === CLOSE_ARRAY) {
      depth--;
    }
  }
  return false;
}

/**
 * The JSON body parser's `verify` hook: a body nested deeper than MAX_JSON_DEPTH is refused with a 400 before it is
 * parsed. ~2,000 levels used to overflow the stack while the body was validated: a 500 and a stack trace per request.
 */
export function refuseDeepJson(_request: IncomingMessage, _response: ServerResponse, body: Buffer): void {
  if (isNestedDeeperThan(body, MAX_JSON_DEPTH)) {
    throw Object.assign(new Error(`the JSON body nests deeper than ${MAX_JSON_DEPTH} levels`), { status: 400, type: DEEP_JSON_ERROR });
  }
}
