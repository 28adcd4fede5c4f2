/** Iran's 31 provinces, as their names are written in Persian. */
export const PROVINCE_NAMES = [
  'آذربایجان شرقی',
  'آذربایجان غربی',
  'اردبیل',
  'اصفهان',
  'البرز',
  'ایلام',
  'بوشهر',
  'تهران',
  'چهارمحال و بختیاری',
  'خراسان جنوبی',
  'خراسان رضوی',
  'خراسان شمالی',
  'خوزستان',
  'زنجان',
  'سمنان',
  'سیستان و بلوچستان',
  'فارس',
  'قزوین',
  'قم',
  'کردستان',
  'کرمان',
  'کرمانشاه',
  'کهگیلویه و بویراحمد',
  'گلستان',
  'گیلان',
  'لرستان',
  'مازندران',
  'مرکزی',
  'هرمزگان',
  'همدان',
  'یزد',
] as const;
export type ProvinceName = (typeof PROVINCE_NAMES)[number];

const GAP = '[\\s\\u200C]*';
const fold = (s: string) => s.replace(/[آأ]/g, 'ا');

function namePattern(name: string): string {
  // Spaces inside a name are optional ("چهار محال", "سیستان وبلوچستان" and "کرمانشاه" all occur).
  return [...fold(name).replace(/\s+/g, '')].join(GAP);
}

const PROVINCE_PATTERNS = PROVINCE_NAMES.map((name) => {
  const body = namePattern(name);
  // "خلیج فارس" is the Persian Gulf, not Fars province.
  const guard = name === 'فارس' ? `(?<!خلیج${GAP})` : '';
  return {
    name,
    anywhere: new RegExp(`${guard}(?<![\\p{L}\\p{M}])${body}(?![\\p{L}\\p{M}])`, 'u'),
    afterOstan: new RegExp(`(?<![\\p{L}\\p{M}])استان${GAP}${body}(?![\\p{L}\\p{M}])`, 'u'),
  };
});

/**
 * The province named inside free text such as the gateway's `scope`: a name after "استان" wins, otherwise
 * the earliest (then longest) name. "مرکزی" counts only after "استان" or alone, because "تهران مرکزی" is a
 * campus of Tehran and "سازمان مرکزی" is the central office.
 */
export function findProvinceName(text: string | null): ProvinceName | null {
  if (!text) return null;
  const folded = fold(text);
  const afterOstan = earliestLongest(
    folded,
    PROVINCE_PATTERNS.map((p) => ({ name: p.name, regex: p.afterOstan })),
  );
  if (afterOstan) return afterOstan;
  if (folded.trim() === 'مرکزی') return 'مرکزی';
  return earliestLongest(
    folded,
    PROVINCE_PATTERNS.filter((p) => p.name !== 'مرکزی').map((p) => ({ name: p.name, regex: p.anywhere })),
  );
}

function earliestLongest(text: string, patterns: { name: ProvinceName; regex: RegExp }[]): ProvinceName | null {
  let best: { name: ProvinceName; index: number; length: number } | null = null;
  for (const { name, regex } of patterns) {
    const match = regex.exec(text);
    if (!match) continue;
    const candidate = { name, index: match.index, length: match[0].length };
    if (!best || candidate.index < best.index || (candidate.index === best.index && candidate.length > best.length)) {
      best = candidate;
    }
  }
  return best?.name ?? null;
}
