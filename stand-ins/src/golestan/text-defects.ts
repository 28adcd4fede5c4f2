const PERSIAN_DIGITS = '۰۱۲۳۴۵۶۷۸۹';
const ARABIC_INDIC_DIGITS = '٠١٢٣٤٥٦٧٨٩';

// Windows-1252 for bytes 0x80–0x9F; '' marks the five undefined bytes, which
// the damaged sample in seeds/001 shows were dropped rather than kept.
const CP1252_HIGH = [
  '€',
  '',
  '‚',
  'ƒ',
  '„',
  '…',
  '†',
  '‡',
  'ˆ',
  '‰',
  'Š',
  '‹',
  'Œ',
  '',
  'Ž',
  '',
  '',
  '‘',
  '’',
  '“',
  '”',
  '•',
  '–',
  '—',
  '˜',
  '™',
  'š',
  '›',
  'œ',
  '',
  'ž',
  'Ÿ',
];

export const toArabicLetters = (text: string): string => text.replace(/ی/g, 'ي').replace(/ک/g, 'ك');

export const toPersianDigits = (text: string): string => text.replace(/\d/g, (d) => PERSIAN_DIGITS[Number(d)]);

export const toArabicIndicDigits = (text: string): string => text.replace(/\d/g, (d) => ARABIC_INDIC_DIGITS[Number(d)]);

export const toMojibake = (text: string): string => {
  let out = '';
  for (const byte of Buffer.from(text, 'utf8')) {
    out += byte >= 0x80 && byte <= 0x9f ? CP1252_HIGH[byte - 0x80] : String.fromCharCode(byte);
  }
  return out;
};

export const withStrayZwnj = (text: string): string => `${text}\u200c`;

export const withSurroundingSpaces = (text: string): string => `  ${text} `;

export const withDoubleSpace = (text: string): string => text.replace(' ', '  ');
