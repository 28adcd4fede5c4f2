import { studentCampuses } from './student-campuses';
import { createStudentsDataset } from './students-dataset';
import { currentJalaliYear, parseTermCode, studentDefectsAt } from './students-generator';

const TERMS = ['4011', '4012', '4013', '4021', '4022', '4023', '4031', '4032', '4033', '4041', '4042', '4043', '4051', '4052', '4053'];

describe('students university', () => {
  const dataset = createStudentsDataset({ campusCount: 4, studentsPerCampus: 120, lastYear: 1405 }, 1);

  it('should give the same records when asked twice for the same campus, term and seed', () => {
    const again = createStudentsDataset({ campusCount: 4, studentsPerCampus: 120, lastYear: 1405 }, 1);
    expect(again.list('1110', '4031')).toEqual(dataset.list('1110', '4031'));
    expect(dataset.list('1110', '4031').length).toBeGreaterThan(10);
  });

  it('should return a student in several terms with a status that changes when they study for years', () => {
    const statuses = new Map<string, string[]>();
    for (const term of TERMS) {
      for (const s of dataset.list('1120', term)) statuses.set(s.studentnum, [...(statuses.get(s.studentnum) ?? []), s.codvaziayat]);
    }
    const longer = [...statuses.values()].filter((list) => list.length >= 4);
    expect(longer.length).toBeGreaterThan(5);
    expect(longer.some((list) => new Set(list).size > 1)).toBe(true);
    // Graduation, withdrawal and expulsion end a path: nothing follows them.
    for (const list of statuses.values()) {
      const end = list.findIndex((status) => ['4', '5', '7'].includes(status));
      expect(end === -1 || end === list.length - 1).toBe(true);
    }
  });

  it('should page a (campus, term) in a stable order when pageSize is smaller than the set', () => {
    const all = dataset.list('1210', '4042');
    expect([...dataset.page('1210', '4042', 1, 7), ...dataset.page('1210', '4042', 2, 7)]).toEqual(all.slice(0, 14));
    expect(all.every((s) => s.term === '4042' && s.code_Markaz === '1210')).toBe(true);
  });

  it('should drop a removed student from every term and apply an update everywhere when the dataset is edited', () => {
    const edited = createStudentsDataset({ campusCount: 2, studentsPerCampus: 60, lastYear: 1405 }, 3);
    const [first, second] = edited.list('1110', '4041');
    edited.remove(first.studentnum);
    edited.update(second.studentnum, { familyname: 'تازه' });

    for (const term of TERMS) {
      const records = edited.list('1110', term);
      expect(records.some((s) => s.studentnum === first.studentnum)).toBe(false);
      for (const s of records.filter((r) => r.studentnum === second.studentnum)) expect(s).toMatchObject({ familyname: 'تازه', term });
    }
    edited.reset();
    expect(edited.list('1110', '4041')[0].studentnum).toBe(first.studentnum);
  });

  it('should count students and rows over the terms when the size is asked', () => {
    const size = dataset.size(TERMS);
    const rows = dataset.campuses.reduce((sum, c) => sum + TERMS.reduce((n, term) => n + dataset.list(c.code, term).length, 0), 0);
    expect(size.rows).toBe(rows);
    expect(size.students).toBeLessThan(rows);
    expect(size.students).toBeGreaterThan(0);
  });

  it('should return no students when the campus or term is unknown', () => {
    expect(dataset.list('9999', '4021')).toEqual([]);
    expect(dataset.list('1110', '40210')).toEqual([]);
  });

  it('should put defects at fixed indexes when records are generated', () => {
    expect(studentDefectsAt(17)).toMatchObject({ invalidNationalCode: true, persianDigits: false, arabicLetters: false });
    expect(studentDefectsAt(14).arabicLetters).toBe(true);
  });
});

describe('student campuses', () => {
  it('should start with the named campuses and number further branches when more are asked for', () => {
    const campuses = studentCampuses(100);
    expect(campuses).toHaveLength(100);
    expect(new Set(campuses.map((c) => c.code)).size).toBe(100);
    expect(campuses[0]).toMatchObject({ code: '1110', name: 'واحد مرکزی تهران' });
    expect(campuses[16].name).toBe('واحد ۲ تهران');
  });
});

describe('term codes', () => {
  it('should read the year and term when the code is well formed', () => {
    expect(parseTermCode('4023')).toEqual({ year: 1402, termNumber: 3 });
    expect(parseTermCode('4024')).toBeNull();
  });

  it('should give the Jalali year in Tehran when asked for the current year', () => {
    expect(currentJalaliYear(new Date('2026-03-20T21:00:00Z'))).toBe(1405);
    expect(currentJalaliYear(new Date('2026-03-20T19:00:00Z'))).toBe(1404);
  });
});

describe('encoded answers', () => {
  it('should answer the page as the gateway encodes it and encode it again after an edit', () => {
    const dataset = createStudentsDataset({ campusCount: 1, studentsPerCampus: 40, lastYear: 1405 }, 2);
    const first = dataset.pageAnswer('1110', '4041', 1, 5);
    expect(JSON.parse(first.toString('utf8'))).toEqual({ data: dataset.page('1110', '4041', 1, 5) });
    expect(dataset.pageAnswer('1110', '4041', 1, 5)).toBe(first);

    dataset.update(dataset.page('1110', '4041', 1, 5)[0].studentnum, { familyname: 'تازه' });
    expect(JSON.parse(dataset.pageAnswer('1110', '4041', 1, 5).toString('utf8')).data[0].familyname).toBe('تازه');
  });
});
