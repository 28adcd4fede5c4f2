// Moodle's REST server answers XML when `moodlewsrestformat` is missing (the default format). The shape is
// its own: RESPONSE > SINGLE (object) | MULTIPLE (list) | VALUE (scalar), with a newline after each closing
// tag, as webservice/rest/locallib.php writes it; the captured fixtures show it byte for byte.

const XML_HEADER = '<?xml version="1.0" encoding="UTF-8" ?>\n';

// htmlspecialchars with ENT_COMPAT: single quotes stay as they are.
const escapeXml = (text: string): string => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

const scalarText = (value: unknown): string => {
  if (typeof value === 'boolean') return value ? '1' : '0';
  return String(value);
};

const serialize = (value: unknown): string => {
  if (value === null || value === undefined) return '<VALUE null="null"/>\n';
  if (Array.isArray(value)) return `<MULTIPLE>\n${value.map(serialize).join('')}</MULTIPLE>\n`;
  if (typeof value === 'object') {
    const keys = Object.entries(value as Record<string, unknown>)
      .map(([key, item]) => `<KEY name="${escapeXml(key)}">${serialize(item)}</KEY>\n`)
      .join('');
    return `<SINGLE>\n${keys}</SINGLE>\n`;
  }
  return `<VALUE>${escapeXml(scalarText(value))}</VALUE>\n`;
};

/** A function's return value as Moodle's XML answer. */
export const toMoodleXml = (value: unknown): string => `${XML_HEADER}<RESPONSE>\n${serialize(value)}</RESPONSE>\n`;

export type MoodleErrorBody = { exception: string; errorcode: string; message: string; debuginfo?: string };

/** An error as Moodle's XML answer: `<EXCEPTION class="…">` with ERRORCODE, MESSAGE and DEBUGINFO when set. */
export const toMoodleXmlError = (error: MoodleErrorBody): string =>
  `${XML_HEADER}<EXCEPTION class="${escapeXml(error.exception)}">\n` +
  `<ERRORCODE>${escapeXml(error.errorcode)}</ERRORCODE>\n` +
  `<MESSAGE>${escapeXml(error.message)}</MESSAGE>\n` +
  (error.debuginfo === undefined ? '' : `<DEBUGINFO>${escapeXml(error.debuginfo)}</DEBUGINFO>\n`) +
  '</EXCEPTION>\n';

/**
 * JSON as PHP's json_encode writes it (Moodle's default flags): slashes escaped and every non-ASCII
 * character as a \u escape. Parsers read it the same; a connector that assumes raw UTF-8 would not.
 */
export const toPhpJson = (value: unknown): string =>
  JSON.stringify(value)
    .replace(/\//g, '\\/')
    .replace(/[\u0080-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
