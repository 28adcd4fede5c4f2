import { currentTerm, jalaliYearMonth, previousTerm, recentTerms, termCodes } from './students.terms';

// Tehran local times: 1405/09/04 is 2026-11-25; 1405/01/01 began at 2026-03-20 20:30 UTC.
const at = (iso: string) => new Date(iso);

describe('term codes', () => {
  it('should list three terms a year, oldest first, when given a year range', () => {
    expect(termCodes(1399, 1400)).toEqual(['3991', '3992', '3993', '4001', '4002', '4003']);
  });

  it('should read the Jalali year and month in Tehran when given an instant', () => {
    expect(jalaliYearMonth(at('2026-11-25T08:00:00Z'))).toEqual({ year: 1405, month: 9 });
    expect(jalaliYearMonth(at('2026-03-20T21:00:00Z'))).toEqual({ year: 1405, month: 1 });
  });

  it('should read the same year and month as Intl in Tehran when the instant is just before or at any midnight from 2023 to 2123', () => {
    const intl = new Intl.DateTimeFormat('en-u-ca-persian-nu-latn', { timeZone: 'Asia/Tehran', year: 'numeric', month: 'numeric' });
    const read = (instant: Date) => {
      const parts = intl.formatToParts(instant);
      const value = (type: string) => Number(parts.find((part) => part.type === type)?.value.replace(/\D/g, ''));
      return { year: value('year'), month: value('month') };
    };
    const differing: string[] = [];
    // Tehran's midnight is 20:30 UTC the day before.
    for (let midnight = Date.UTC(2022, 11, 31, 20, 30); midnight < Date.UTC(2124, 0, 1); midnight += 86_400_000) {
      for (const instant of [new Date(midnight - 1), new Date(midnight)]) {
        if (JSON.stringify(jalaliYearMonth(instant)) !== JSON.stringify(read(instant))) differing.push(instant.toISOString());
      }
    }
    expect(differing).toEqual([]);
  });

  it('should name the term in session when the date falls in autumn, spring or summer', () => {
    expect(currentTerm(at('2026-11-25T08:00:00Z'))).toBe('4051');
    expect(currentTerm(at('2027-02-10T08:00:00Z'))).toBe('4052');
    expect(currentTerm(at('2026-04-25T08:00:00Z'))).toBe('4042');
    expect(currentTerm(at('2026-07-25T08:00:00Z'))).toBe('4043');
  });

  it('should step back across a year when the term is the first of its year', () => {
    expect(previousTerm('4051')).toBe('4043');
    expect(previousTerm('4053')).toBe('4052');
    expect(previousTerm('4002')).toBe('4001');
  });

  it('should give the previous and current term when a recent run asks', () => {
    expect(recentTerms(at('2026-11-25T08:00:00Z'))).toEqual(['4043', '4051']);
  });
});
