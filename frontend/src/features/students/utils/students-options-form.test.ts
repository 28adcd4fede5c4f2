import { describe, expect, it } from 'vitest';
import { parseCampusLines, parseYear, toStudentsOptionsFormValues } from './students-options-form';

describe('students options form', () => {
  it('should write the stored campuses one per line with Persian digits in fa and leave default years empty', () => {
    const values = toStudentsOptionsFormValues(
      {
        campuses: [
          { code: '1110', name: 'مرکز تهران' },
          { code: '1120', name: 'مرکز تبریز' },
        ],
        toYear: 1404,
      },
      'fa',
    );
    expect(values).toEqual({ campuses: '۱۱۱۰ مرکز تهران\n۱۱۲۰ مرکز تبریز', fromYear: '', toYear: '۱۴۰۴' });
  });

  it('should read a code and a name per line whether split by space, tab or comma, and skip blank lines', () => {
    const { campuses, problems } = parseCampusLines('۱۱۱۰ مرکز تهران\n\n1120\tمرکز تبریز\n1130, واحد ۲ شیراز \n');
    expect(problems).toEqual([]);
    expect(campuses).toEqual([
      { code: '1110', name: 'مرکز تهران' },
      { code: '1120', name: 'مرکز تبریز' },
      { code: '1130', name: 'واحد ۲ شیراز' },
    ]);
  });

  it('should name the line of a missing name, a code that is not digits and a code listed twice', () => {
    const { problems } = parseCampusLines('1110 مرکز تهران\n1120\nتهران مرکز\n1110 دوباره');
    expect(problems).toEqual([
      { line: 2, code: 'noName' },
      { line: 3, code: 'badCode' },
      { line: 4, code: 'duplicate' },
    ]);
  });

  it('should read a year in either digit set, empty as the default', () => {
    expect(parseYear('۱۴۰۰')).toBe(1400);
    expect(parseYear(' 1404 ')).toBe(1404);
    expect(parseYear('')).toBeNull();
    expect(parseYear('۱۴۰۰.۵')).toBeNaN();
  });
});
