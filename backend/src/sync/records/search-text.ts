import { cleanPersianText, toAsciiDigits } from '../../common/text/clean-text';

// Folded away for search only (stored text keeps them): spacing and ZWNJ differ between what people type and
// what the gateway sends ("محمد رضا", "محمدرضا", "محمد‌رضا"), and so do the final heh and alef forms.
const FOLDS: readonly (readonly [from: string, to: string])[] = [
  ['\u200C', ''],
  [' ', ''],
  ['ۀ', 'ه'],
  ['ة', 'ه'],
  ['أ', 'ا'],
  ['إ', 'ا'],
  ['آ', 'ا'],
];

/**
 * Text as the data browser compares it: cleaned like stored text (ي→ی, ك→ک, invisibles gone), ASCII digits,
 * lower case, then folded (no spaces or ZWNJ; ۀ/ة→ه; أ/إ/آ→ا). Apply it to the query and to what it searches.
 */
export function foldForSearch(text: string): string {
  return foldCleanText(toAsciiDigits(cleanPersianText(text)));
}

/** `foldForSearch` for text already stored clean (Persian letters, ASCII digits): the folding alone. */
export function foldCleanText(text: string): string {
  let folded = text.toLowerCase();
  for (const [from, to] of FOLDS) if (folded.includes(from)) folded = folded.split(from).join(to);
  return folded;
}

/** The same folding as SQL over an expression of cleaned, stored text (SQLite's lower() folds ASCII only, as stored text needs). */
export function foldSqlExpression(expression: string): string {
  return FOLDS.reduce((sql, [from, to]) => `replace(${sql}, '${from}', '${to}')`, `lower(${expression})`);
}

/** A folded query as a LIKE pattern that matches it anywhere (use with `ESCAPE '\\'`). */
export function containsPattern(foldedQuery: string): string {
  return `%${foldedQuery.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}
