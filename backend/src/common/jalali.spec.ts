import {
  dayNumberToJalali,
  formatJalali,
  gregorianToJalali,
  isJalaliLeapYear,
  isValidJalaliDate,
  jalaliMonthLength,
  jalaliToDayNumber,
  jalaliToGregorian,
  parseJalaliText,
} from './jalali';

const persian = new Intl.DateTimeFormat('en-u-ca-persian-nu-latn', { timeZone: 'UTC', year: 'numeric', month: 'numeric', day: 'numeric' });

function intlJalali(dayNumber: number) {
  const parts = Object.fromEntries(persian.formatToParts(new Date(dayNumber * 86_400_000)).map((part) => [part.type, part.value]));
  return { year: Number(parts.year), month: Number(parts.month), day: Number(parts.day) };
}

describe('jalali', () => {
  it('should agree with Intl’s persian calendar on every day from 1340 to 1480', () => {
    const first = jalaliToDayNumber({ year: 1340, month: 1, day: 1 });
    const last = jalaliToDayNumber({ year: 1480, month: 12, day: jalaliMonthLength(1480, 12) });
    for (let day = first; day <= last; day += 1) {
      const jalali = dayNumberToJalali(day);
      if (jalali.day === 1 || jalali.day >= 29) expect(jalali).toEqual(intlJalali(day));
      expect(jalaliToDayNumber(jalali)).toBe(day);
    }
  });

  it('should convert known dates both ways when Nowruz and Yalda are given', () => {
    expect(jalaliToGregorian({ year: 1405, month: 1, day: 1 })).toEqual({ year: 2026, month: 3, day: 21 });
    expect(jalaliToGregorian({ year: 1403, month: 12, day: 30 })).toEqual({ year: 2025, month: 3, day: 20 });
    expect(gregorianToJalali(2026, 12, 21)).toEqual({ year: 1405, month: 9, day: 30 });
  });

  it('should give Esfand 30 days only in leap years when the 33-year rule says so', () => {
    expect([1399, 1403, 1408].map(isJalaliLeapYear)).toEqual([true, true, true]);
    expect([1400, 1404, 1405].map(isJalaliLeapYear)).toEqual([false, false, false]);
    expect(isValidJalaliDate({ year: 1403, month: 12, day: 30 })).toBe(true);
    expect(isValidJalaliDate({ year: 1404, month: 12, day: 30 })).toBe(false);
    expect(isValidJalaliDate({ year: 1404, month: 12, day: 29 })).toBe(true);
  });

  it('should refuse days past the month’s length when a month has 30 or 31 days', () => {
    expect(isValidJalaliDate({ year: 1405, month: 6, day: 31 })).toBe(true);
    expect(isValidJalaliDate({ year: 1405, month: 7, day: 31 })).toBe(false);
    expect(isValidJalaliDate({ year: 1405, month: 13, day: 1 })).toBe(false);
    expect(isValidJalaliDate({ year: 1405, month: 1, day: 0 })).toBe(false);
  });

  it('should read only YYYY-MM-DD when a date is parsed', () => {
    expect(parseJalaliText('1405-09-15')).toEqual({ year: 1405, month: 9, day: 15 });
    expect(parseJalaliText('1405/09/15')).toBeNull();
    expect(parseJalaliText('1405-9-15')).toBeNull();
    expect(parseJalaliText('۱۴۰۵-۰۹-۱۵')).toBeNull();
    expect(formatJalali({ year: 1405, month: 1, day: 4 })).toBe('1405-01-04');
  });
});
