const ZW_JOINERS = '\u200C\u200D';
// Invisible characters that never carry meaning in a stored field: zero-width space, BOM, bidi marks and
// embeddings, soft hyphen, and the tatweel (kashida) that only stretches a letter for looks.
const INVISIBLES = /[\u200B\u200E\u200F\u202A-\u202E\u2066-\u2069\uFEFF\u00AD\u0640]/g;
const PRESENTATION_FORMS = /[\uFB50-\uFDFF\uFE70-\uFEFC]/g;
const JOINER_RUNS = new RegExp(`[${ZW_JOINERS}]{2,}`, 'g');
const JOINER_AT_WORD_EDGE = new RegExp(`(?<![\\p{L}\\p{M}])[${ZW_JOINERS}]+|[${ZW_JOINERS}]+(?![\\p{L}\\p{M}])`, 'gu');
const WHITESPACE_RUNS = /\s+/g;

/**
 * Normalises Persian text as the gateway sends it: Arabic yeh/kaf become the Persian letters, Arabic
 * presentation forms become plain letters, invisible marks go, ZWNJ survives only between two letters,
 * and whitespace is trimmed and collapsed to single spaces. Digits are left alone (see `toAsciiDigits`).
 */
export function cleanPersianText(s: string): string {
  return (
    s
      .replace(PRESENTATION_FORMS, (c) => c.normalize('NFKC'))
      .normalize('NFC')
      .replace(/[\u064A\u0649]/g, '\u06CC')
      .replace(/[\u0643\u06AA]/g, '\u06A9')
      // ة and ۀ are left alone on purpose: both are correct spellings in some names, so changing them would
      // rewrite what people typed; search can fold them instead.
      .replace(INVISIBLES, '')
      .replace(JOINER_RUNS, '\u200C')
      .replace(JOINER_AT_WORD_EDGE, '')
      .replace(WHITESPACE_RUNS, ' ')
      .trim()
  );
}

/** Persian (۰–۹) and Arabic-Indic (٠–٩) digits to ASCII; everything else unchanged. */
export function toAsciiDigits(s: string): string {
  return s.replace(/[\u06F0-\u06F9\u0660-\u0669]/g, (c) => {
    const code = c.charCodeAt(0);
    return String(code >= 0x06f0 ? code - 0x06f0 : code - 0x0660);
  });
}

/** ASCII digits with whitespace, invisible marks and dashes removed; other characters are kept so callers can reject them. */
export function cleanDigits(s: string): string {
  return toAsciiDigits(s).replace(/[\s\u200B-\u200F\u202A-\u202E\u2066-\u2069\uFEFF\u00AD\-\u2010-\u2015\u2212]/g, '');
}

export type MojibakeResult = {
  text: string;
  /** The input showed UTF-8 bytes decoded as Windows-1252 (or its Turkish sibling 1254). */
  damaged: boolean;
  /** Every damaged byte sequence decoded again; false when bytes were lost (they become U+FFFD). */
  repaired: boolean;
};

// Windows-1252 0x80–0x9F; 0x81, 0x8D, 0x8F, 0x90 and 0x9D are undefined there and were either dropped or kept
// as the C1 control of the same number, which the identity range below covers.
const CP1252_HIGH: Record<number, number> = {
  0x20ac: 0x80,
  0x201a: 0x82,
  0x0192: 0x83,
  0x201e: 0x84,
  0x2026: 0x85,
  0x2020: 0x86,
  0x2021: 0x87,
  0x02c6: 0x88,
  0x2030: 0x89,
  0x0160: 0x8a,
  0x2039: 0x8b,
  0x0152: 0x8c,
  0x017d: 0x8e,
  0x2018: 0x91,
  0x2019: 0x92,
  0x201c: 0x93,
  0x201d: 0x94,
  0x2022: 0x95,
  0x2013: 0x96,
  0x2014: 0x97,
  0x02dc: 0x98,
  0x2122: 0x99,
  0x0161: 0x9a,
  0x203a: 0x9b,
  0x0153: 0x9c,
  0x017e: 0x9e,
  0x0178: 0x9f,
  // Windows-1254 differs from 1252 in these six letters; the real damaged sample was decoded with it (ğŸ = F0 9F).
  0x011e: 0xd0,
  0x0130: 0xdd,
  0x015e: 0xde,
  0x011f: 0xf0,
  0x0131: 0xfd,
  0x015f: 0xfe,
};

function toCp1252Byte(codePoint: number): number | null {
  if (codePoint <= 0xff) return codePoint;
  return CP1252_HIGH[codePoint] ?? null;
}

type Utf8Decoding = { text: string; sequences: number; invalid: number };

// A lenient UTF-8 decoder that counts what it could and could not decode, so the caller can tell mojibake
// (many valid multi-byte sequences) from honest Latin-1 text (none).
function decodeUtf8Leniently(bytes: number[]): Utf8Decoding {
  let text = '';
  let sequences = 0;
  let invalid = 0;
  let i = 0;
  while (i < bytes.length) {
    const lead = bytes[i];
    if (lead < 0x80) {
      text += String.fromCharCode(lead);
      i += 1;
      continue;
    }
    const [length, low, high] =
      lead >= 0xc2 && lead <= 0xdf
        ? [2, 0x80, 0xbf]
        : lead === 0xe0
          ? [3, 0xa0, 0xbf]
          : lead === 0xed
            ? [3, 0x80, 0x9f]
            : lead >= 0xe1 && lead <= 0xef
              ? [3, 0x80, 0xbf]
              : lead === 0xf0
                ? [4, 0x90, 0xbf]
                : lead === 0xf4
                  ? [4, 0x80, 0x8f]
                  : lead >= 0xf1 && lead <= 0xf3
                    ? [4, 0x80, 0xbf]
                    : [1, 0, 0];
    let codePoint = length === 2 ? lead & 0x1f : length === 3 ? lead & 0x0f : lead & 0x07;
    let taken = 1;
    while (length > 1 && taken < length && i + taken < bytes.length) {
      const next = bytes[i + taken];
      const [min, max] = taken === 1 ? [low, high] : [0x80, 0xbf];
      if (next < min || next > max) break;
      codePoint = (codePoint << 6) | (next & 0x3f);
      taken += 1;
    }
    if (length > 1 && taken === length) {
      text += String.fromCodePoint(codePoint);
      sequences += 1;
    } else {
      text += '\uFFFD';
      invalid += 1;
    }
    i += taken;
  }
  return { text, sequences, invalid };
}

function decodeOnce(s: string): Utf8Decoding {
  let text = '';
  let sequences = 0;
  let invalid = 0;
  let pending: number[] = [];
  const flush = () => {
    if (pending.length === 0) return;
    const decoded = decodeUtf8Leniently(pending);
    text += decoded.text;
    sequences += decoded.sequences;
    invalid += decoded.invalid;
    pending = [];
  };
  for (const char of s) {
    const byte = toCp1252Byte(char.codePointAt(0)!);
    if (byte === null) {
      flush();
      text += char;
    } else {
      pending.push(byte);
    }
  }
  flush();
  return { text, sequences, invalid };
}

function looksLikeMojibake(decoding: Utf8Decoding): boolean {
  // Honest Latin text ("café") yields invalid bytes and no sequence; mojibake yields mostly sequences.
  return decoding.sequences > 0 && decoding.sequences >= decoding.invalid;
}

/**
 * Undoes UTF-8 text that was decoded as Windows-1252: re-encodes through the 1252 table and decodes as UTF-8.
 * Clean text of any script comes back untouched with `damaged: false`.
 */
export function repairMojibake(s: string): MojibakeResult {
  let text = s;
  let damaged = false;
  let repaired = false;
  // Text damaged twice over (decoded wrongly, stored, decoded wrongly again) takes a second pass.
  for (let pass = 0; pass < 3; pass += 1) {
    if (!/[\u0080-\u00ff]/.test(text)) break;
    const decoding = decodeOnce(text);
    if (!looksLikeMojibake(decoding)) break;
    damaged = true;
    text = decoding.text;
    repaired = decoding.invalid === 0;
    if (!repaired) break;
  }
  return { text, damaged, repaired };
}
