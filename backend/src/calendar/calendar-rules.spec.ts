import { fixedOfficialHolidays, validateCalendar } from './calendar-rules';

const term = (name: string, start: string, end: string) => ({ name, start, end });

describe('validateCalendar', () => {
  it('should accept a calendar and sort each list by start when every period is valid', () => {
    const { calendar, errors } = validateCalendar({
      terms: [term(' نیمسال دوم ', '1405-11-01', '1406-03-31'), term('نیمسال اول', '1405-07-01', '1405-10-30')],
      closures: [term('تاسوعا', '1405-04-04', '1405-04-05')],
    });
    expect(errors).toEqual({});
    expect(calendar.terms.map((t) => t.name)).toEqual(['نیمسال اول', 'نیمسال دوم']);
  });

  it('should name Esfand 30 of a common year as no real day when a leap year would allow it', () => {
    const common = validateCalendar({ terms: [], closures: [term('آخر سال', '1404-12-30', '1404-12-30')] });
    expect(common.errors).toEqual({ 'closures[0].start': ['date_invalid'], 'closures[0].end': ['date_invalid'] });
    expect(validateCalendar({ terms: [], closures: [term('آخر سال', '1403-12-30', '1403-12-30')] }).errors).toEqual({});
  });

  it('should name the end when a period ends before it starts', () => {
    const { errors } = validateCalendar({ terms: [term('الف', '1405-01-01', '1405-02-01'), term('ب', '1405-05-10', '1405-05-01')], closures: [] });
    expect(errors).toEqual({ 'terms[1].end': ['start_after_end'] });
  });

  it('should name the later term’s start when two terms share a day, whatever order they came in', () => {
    const { errors } = validateCalendar({
      terms: [term('دوم', '1405-10-30', '1406-03-31'), term('اول', '1405-07-01', '1405-10-30'), term('تابستان', '1406-04-01', '1406-06-31')],
      closures: [],
    });
    expect(errors).toEqual({ 'terms[0].start': ['terms_overlap'] });
  });

  it('should allow closures to overlap each other when they do', () => {
    const { errors } = validateCalendar({ terms: [], closures: [term('الف', '1405-01-01', '1405-01-04'), term('ب', '1405-01-02', '1405-01-03')] });
    expect(errors).toEqual({});
  });

  it('should name each bad field with its code when names, shapes and dates are wrong', () => {
    const { errors } = validateCalendar({
      terms: [{ name: '  ', start: '1405/01/01', end: '1405-01-32' }, 'x'],
      closures: [term('ب'.repeat(101), '1200-01-01', '1405-01-01')],
    });
    expect(errors).toEqual({
      'terms[0].name': ['name_required'],
      'terms[0].start': ['date_format'],
      'terms[0].end': ['date_invalid'],
      'terms[1]': ['item'],
      'closures[0].name': ['name_too_long'],
      'closures[0].start': ['date_range'],
    });
  });

  it('should refuse a missing list when a list is absent', () => {
    expect(validateCalendar({ terms: [] }).errors).toEqual({ closures: ['list'] });
  });
});

describe('fixedOfficialHolidays', () => {
  it('should list the fixed-date holidays of the given year, Esfand 29 included, when a year is given', () => {
    expect(fixedOfficialHolidays(1406).map(({ start, end }) => [start, end])).toEqual([
      ['1406-01-01', '1406-01-04'],
      ['1406-01-12', '1406-01-13'],
      ['1406-03-14', '1406-03-15'],
      ['1406-11-22', '1406-11-22'],
      ['1406-12-29', '1406-12-29'],
    ]);
    expect(validateCalendar({ terms: [], closures: fixedOfficialHolidays(1404) }).errors).toEqual({});
  });
});
