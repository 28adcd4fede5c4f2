import { generateStudents } from './students-generator';

describe('students generator', () => {
  it('should give the same records when called twice with the same campus, term and seed', () => {
    expect(generateStudents('1110', '4021', 1)).toEqual(generateStudents('1110', '4021', 1));
  });

  it('should return the same student in several terms when the student studies for years', () => {
    const terms = ['4001', '4002', '4011', '4012'];
    const [first, ...rest] = terms.map((term) => new Set(generateStudents('1110', term, 1).map((s) => s.studentnum)));
    const everywhere = [...first].filter((num) => rest.every((set) => set.has(num)));
    expect(everywhere.length).toBeGreaterThan(0);
  });

  it('should mark a student graduated in the last term they appear in when they finish', () => {
    const terms = ['3991', '3992', '3993', '4001', '4002', '4003', '4011', '4012', '4013', '4021', '4022'];
    const statuses = new Map<string, string[]>();
    for (const term of terms) {
      for (const s of generateStudents('1510', term, 1)) {
        statuses.set(s.studentnum, [...(statuses.get(s.studentnum) ?? []), s.codvaziayat]);
      }
    }
    const graduated = [...statuses.values()].filter((list) => list.includes('7'));
    expect(graduated.length).toBeGreaterThan(0);
    for (const list of graduated) expect(list.indexOf('7')).toBe(list.length - 1);
  });

  it('should return no students when the campus code or term is unknown', () => {
    expect(generateStudents('9999', '4021', 1)).toEqual([]);
    expect(generateStudents('1110', '40210', 1)).toEqual([]);
  });
});
