import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LANGUAGES, resources } from './i18n';

// Vitest runs in frontend/. The glossary is docs/glossary.md: this test reads its table, so the doc is the rule.
const ROOT = join(process.cwd(), '..');
const EXPORT_LABELS = join(ROOT, 'backend/src/common/export/export-labels.ts');

type Term = { idea: string; en: string; fa: string; retired: { en: string[]; fa: string[] } };

function glossary(): Term[] {
  const text = readFileSync(join(ROOT, 'docs/glossary.md'), 'utf8');
  const rows = text.split('\n').filter((line) => line.startsWith('|') && !/^\|\s*(Idea|-)/.test(line));
  const list = (cell: string) =>
    cell
      .split(',')
      .map((word) => word.trim())
      .filter(Boolean);
  return rows.map((row) => {
    const [idea, en, fa, retiredEn, retiredFa] = row
      .split('|')
      .slice(1, -1)
      .map((cell) => cell.trim());
    return { idea, en, fa, retired: { en: list(retiredEn), fa: list(retiredFa) } };
  });
}

function stringsOf(value: unknown, path = ''): [string, string][] {
  if (typeof value === 'string') return [[path, value]];
  if (typeof value !== 'object' || value === null) return [];
  return Object.entries(value).flatMap(([key, inner]) => stringsOf(inner, path ? `${path}.${key}` : key));
}

/** The quoted texts of the export labels of one language (the `const FA`/`const EN` block). */
function exportTexts(language: 'fa' | 'en'): [string, string][] {
  const source = readFileSync(EXPORT_LABELS, 'utf8');
  const start = source.indexOf(`const ${language.toUpperCase()}: ExportLabels`);
  const end = source.indexOf('};\n', start);
  return [...source.slice(start, end).matchAll(/'((?:[^'\\]|\\.)*)'/g)].map((match) => [`export-labels ${language}`, match[1]]);
}

/** A whole word or phrase: "منبع داده‌ای" (any data) is not the retired "منبع داده", nor "Originally" "Origin". */
function containsWord(text: string, word: string): boolean {
  const escaped = word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`(?<![\\p{L}\\u200c])${escaped}(?![\\p{L}\\u200c])`, 'iu').test(text);
}

describe('the glossary', () => {
  const terms = glossary();

  it('should name one word per language for the trigger, the person who started a run, source, run and sync', () => {
    expect(terms.length).toBeGreaterThanOrEqual(5);
    for (const term of terms) {
      expect(term.en, term.idea).not.toBe('');
      expect(term.fa, term.idea).not.toBe('');
      expect([...term.retired.en, ...term.retired.fa], term.idea).not.toHaveLength(0);
    }
  });

  it.each(LANGUAGES)('should find no retired word in the %s locale files or export labels', (language) => {
    const texts = [...stringsOf(resources[language]), ...exportTexts(language)];
    const found = terms.flatMap((term) =>
      term.retired[language].flatMap((word) => texts.filter(([, text]) => containsWord(text, word)).map(([path, text]) => `${path}: "${text}" (${word})`)),
    );
    expect(found).toEqual([]);
  });

  it('should use the glossary words for the trigger and the person who started a run wherever a run is shown', () => {
    const [trigger, startedBy] = terms;
    for (const language of LANGUAGES) {
      const sync = resources[language].sync;
      expect([sync.sourceCard.trigger, sync.recentRuns.columns.trigger, sync.runDetails.fields.trigger, sync.history.trigger]).toEqual(
        Array(4).fill(trigger[language]),
      );
      expect([sync.runDetails.fields.triggeredBy, sync.history.triggeredBy]).toEqual(Array(2).fill(startedBy[language]));
      const labels = Object.fromEntries(exportTexts(language).map(([, text]) => [text, true]));
      expect(labels[trigger[language]], `export ${language}: ${trigger[language]}`).toBe(true);
      expect(labels[startedBy[language]], `export ${language}: ${startedBy[language]}`).toBe(true);
    }
  });
});
