// Moodle answers XML when a call leaves out `moodlewsrestformat=json` (XML is its default), for example
// through a proxy that drops parameters. The format is Moodle's own and tiny: RESPONSE holds one SINGLE
// (object), MULTIPLE (list) or VALUE (text; `null="null"` for null); errors are an EXCEPTION element. Every
// scalar arrives as text, so the parser accepts numeric text where it expects numbers.

export type XmlValue = string | null | XmlValue[] | { [key: string]: XmlValue };

type Cursor = { text: string; at: number };

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

const unescape = (text: string): string =>
  text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, entity: string) => {
    if (entity[0] === '#') return String.fromCodePoint(entity[1] === 'x' || entity[1] === 'X' ? parseInt(entity.slice(2), 16) : Number(entity.slice(1)));
    return ENTITIES[entity] ?? whole;
  });

function skipSpace(c: Cursor): void {
  while (c.at < c.text.length && /\s/.test(c.text[c.at])) c.at += 1;
}

function expect(c: Cursor, literal: string): void {
  skipSpace(c);
  if (!c.text.startsWith(literal, c.at)) throw new Error(`expected ${literal} at ${c.at}`);
  c.at += literal.length;
}

function readValue(c: Cursor): XmlValue {
  skipSpace(c);
  if (c.text.startsWith('<VALUE null="null"/>', c.at)) {
    c.at += '<VALUE null="null"/>'.length;
    return null;
  }
  if (c.text.startsWith('<VALUE>', c.at)) {
    c.at += '<VALUE>'.length;
    const end = c.text.indexOf('</VALUE>', c.at);
    if (end < 0) throw new Error('unterminated VALUE');
    const value = unescape(c.text.slice(c.at, end));
    c.at = end + '</VALUE>'.length;
    return value;
  }
  if (c.text.startsWith('<MULTIPLE>', c.at)) {
    c.at += '<MULTIPLE>'.length;
    const items: XmlValue[] = [];
    for (skipSpace(c); !c.text.startsWith('</MULTIPLE>', c.at); skipSpace(c)) items.push(readValue(c));
    c.at += '</MULTIPLE>'.length;
    return items;
  }
  if (c.text.startsWith('<SINGLE>', c.at)) {
    c.at += '<SINGLE>'.length;
    const object: { [key: string]: XmlValue } = {};
    for (skipSpace(c); !c.text.startsWith('</SINGLE>', c.at); skipSpace(c)) {
      const key = /^<KEY name="([^"]*)">/.exec(c.text.slice(c.at, c.at + 300));
      if (!key) throw new Error(`expected KEY at ${c.at}`);
      c.at += key[0].length;
      object[unescape(key[1])] = readValue(c);
      expect(c, '</KEY>');
    }
    c.at += '</SINGLE>'.length;
    return object;
  }
  throw new Error(`unexpected content at ${c.at}`);
}

function element(text: string, name: string): string | undefined {
  const match = new RegExp(`<${name}>([\\s\\S]*?)</${name}>`).exec(text);
  return match ? unescape(match[1]) : undefined;
}

/**
 * A Moodle XML answer as plain values: an error becomes `{exception, errorcode, message, debuginfo?}` like
 * its JSON twin; an empty RESPONSE (a function with no return value) becomes null. Throws on anything else.
 */
export function decodeMoodleXml(text: string): XmlValue {
  const body = text.replace(/^\s*<\?xml[^>]*\?>/, '').trim();
  const exception = /^<EXCEPTION class="([^"]*)">/.exec(body);
  if (exception) {
    const error: { [key: string]: XmlValue } = {
      exception: unescape(exception[1]),
      errorcode: element(body, 'ERRORCODE') ?? null,
      message: element(body, 'MESSAGE') ?? '',
    };
    const debuginfo = element(body, 'DEBUGINFO');
    if (debuginfo !== undefined) error.debuginfo = debuginfo;
    return error;
  }
  const c: Cursor = { text: body, at: 0 };
  expect(c, '<RESPONSE>');
  skipSpace(c);
  if (c.text.startsWith('</RESPONSE>', c.at)) return null;
  const value = readValue(c);
  expect(c, '</RESPONSE>');
  return value;
}
