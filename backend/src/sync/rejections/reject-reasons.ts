import type { RunRejection, RunRejectionReason } from '@hamgam/shared';
import type { ExportColumn } from '../../common/export/table-export';
import type { ExportLanguage } from '../../common/export/export-labels';
import type { RejectReasons } from '../source-definition';

/** A sentence with its `{{param}}` placeholders filled; a placeholder without a value is left out. */
export function fillReason(template: string, params: Record<string, string | number>): string {
  return template.replace(/\{\{\s*(\w+)\s*\}\}/g, (_match, name: string) => (Object.hasOwn(params, name) ? String(params[name]) : ''));
}

/** A reason in `lang`: the source's sentence for its code, else its stored text (runs before codes, unknown codes). */
export function reasonSentence(reasons: RejectReasons | undefined, lang: ExportLanguage, reason: RunRejectionReason): string {
  const template = reason.code === null ? undefined : reasons?.[lang][reason.code];
  return template === undefined ? reason.text : fillReason(template, reason.params);
}

/** The English text of a stored row: its text when it has no code, the code's sentence, or the code itself. */
export function reasonText(reasons: RejectReasons | undefined, code: string | null, params: Record<string, string | number>, stored: string): string {
  if (code === null) return stored;
  const template = reasons?.en[code];
  return template === undefined ? code : fillReason(template, params);
}

// Term codes: the last three digits of the Jalali year and 1 autumn, 2 spring, 3 summer (students.terms.ts); the UI's
// words are `terms` in locales/<lng>/common.json.
const TERM_CODE = /^(\d{3})([123])$/;
const TERM_PARTS: Record<ExportLanguage, string[]> = { fa: ['نیمسال اول', 'نیمسال دوم', 'تابستان'], en: ['Autumn', 'Spring', 'Summer'] };

/** "نیمسال اول 1405" / "Autumn 1405" for 4051; any other text as it is. */
export function termLabel(code: string, lang: ExportLanguage): string {
  const match = TERM_CODE.exec(code);
  return match ? `${TERM_PARTS[lang][Number(match[2]) - 1]} ${1000 + Number(match[1])}` : code;
}

const HEADERS: Record<ExportLanguage, { key: string; terms: string; reasons: string }> = {
  fa: { key: 'شناسهٔ رکورد', terms: 'نیمسال‌ها', reasons: 'دلیل‌ها' },
  en: { key: 'Record key', terms: 'Terms', reasons: 'Reasons' },
};

/** The columns of a run's rejections export in the reader's language: one row per record key. */
export function rejectionExportColumns(lang: ExportLanguage, reasons: RejectReasons | undefined): ExportColumn<RunRejection>[] {
  const header = HEADERS[lang];
  const separator = lang === 'fa' ? '، ' : ', ';
  return [
    { header: header.key, value: (row) => row.key },
    { header: header.terms, value: (row) => row.terms.map((term) => termLabel(term, lang)).join(separator) },
    { header: header.reasons, value: (row) => row.reasons.map((reason) => reasonSentence(reasons, lang, reason)).join(' | ') },
  ];
}
