// Term codes are the last three digits of the Jalali (academic) year followed by the term: 1 autumn, 2 spring,
// 3 summer. Academic year Y runs from Mehr of Y to Shahrivar of Y+1, so spring and summer terms of year Y fall
// in calendar year Y+1.

const TEHRAN_PARTS = new Intl.DateTimeFormat('en-u-ca-persian-nu-latn', { timeZone: 'Asia/Tehran', year: 'numeric', month: 'numeric' });

/** The Jalali calendar year and month (1–12) at `now`, in Tehran. */
export function jalaliYearMonth(now: Date): { year: number; month: number } {
  const parts = TEHRAN_PARTS.formatToParts(now);
  const read = (type: string) => Number(parts.find((part) => part.type === type)?.value.replace(/\D/g, ''));
  return { year: read('year'), month: read('month') };
}

export function termCode(year: number, termNumber: number): string {
  return `${String(year % 1000).padStart(3, '0')}${termNumber}`;
}

/** Every term of the years from `fromYear` to `toYear`, oldest first. */
export function termCodes(fromYear: number, toYear: number): string[] {
  const codes: string[] = [];
  for (let year = fromYear; year <= toYear; year += 1) for (const term of [1, 2, 3]) codes.push(termCode(year, term));
  return codes;
}

/** The term in session at `now`: term 1 from Mehr to Dey, 2 from Bahman to Khordad, 3 from Tir to Shahrivar. */
export function currentTerm(now: Date): string {
  const { year, month } = jalaliYearMonth(now);
  if (month >= 7 && month <= 10) return termCode(year, 1);
  if (month >= 11) return termCode(year, 2);
  return month <= 3 ? termCode(year - 1, 2) : termCode(year - 1, 3);
}

export function previousTerm(code: string): string {
  const year = 1000 + Number(code.slice(0, 3));
  const term = Number(code[3]);
  return term === 1 ? termCode(year - 1, 3) : termCode(year, term - 1);
}

/** What a `recent` run reads: the current and the previous term. */
export function recentTerms(now: Date): string[] {
  const current = currentTerm(now);
  return [previousTerm(current), current];
}
