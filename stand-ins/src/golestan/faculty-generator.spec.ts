import { createFacultyDataset } from './faculty-dataset';
import { FACULTY_DEFECTS, facultyDefectsAt, generateFaculty, type FacultyDefect } from './faculty-generator';
import { isValidNationalCode, validNationalCode } from './national-code';

const FIELD_NAMES = [
  'id',
  'professorCode',
  'name',
  'family',
  'field',
  'code',
  'mobile',
  'nationalcode',
  'email',
  'personelid',
  'code_Markaz',
  'markaz',
  'city',
  'sex',
  'scope',
  'scope_ID',
  'employ_state',
  'employtype',
  'employtype_title',
  'estekhdamtype',
  'estekhdamtype_title',
];

const latin = (text: string): string =>
  text.replace(/[۰-۹]/g, (d) => String(d.charCodeAt(0) - 0x06f0)).replace(/[٠-٩]/g, (d) => String(d.charCodeAt(0) - 0x0660));

const indicesWith = (count: number, defect: FacultyDefect): number[] =>
  Array.from({ length: count }, (_, i) => i).filter((i) => facultyDefectsAt(i).includes(defect));

describe('faculty generator', () => {
  const records = generateFaculty(240, 1);

  it('should produce identical records when called twice with the same seed', () => {
    expect(generateFaculty(240, 1)).toEqual(records);
  });

  it('should produce different people when the seed differs', () => {
    const other = generateFaculty(240, 2);
    expect(other.map((r) => r.nationalcode)).not.toEqual(records.map((r) => r.nationalcode));
  });

  it('should keep the first records unchanged when the count grows', () => {
    expect(generateFaculty(500, 1).slice(0, 240)).toEqual(records);
  });

  it('should give every record exactly the reference fields when generated', () => {
    for (const record of records) expect(Object.keys(record).sort()).toEqual([...FIELD_NAMES].sort());
  });

  it('should pass the check digit when a record has no national-code defect', () => {
    const codes = records
      .filter((_, i) => !facultyDefectsAt(i).some((d) => d === 'invalid-national-code' || d === 'empty-national-code'))
      .map((r) => latin(r.nationalcode));
    expect(codes).toHaveLength(233);
    for (const code of codes) expect(isValidNationalCode(code)).toBe(true);
    expect(new Set(codes).size).toBe(codes.length);
  });

  it('should place each defect at its documented rate when 240 records are generated', () => {
    const counts = Object.fromEntries(FACULTY_DEFECTS.map((d) => [d, indicesWith(240, d).length]));
    expect(counts).toEqual({
      'arabic-letters': 48,
      'persian-digits': 24,
      'arabic-indic-digits': 12,
      'stray-whitespace': 24,
      mojibake: 5,
      'invalid-national-code': 5,
      'empty-national-code': 2,
    });
  });

  it('should show each defect in the data when the position carries it', () => {
    for (const i of indicesWith(240, 'arabic-letters')) expect(records[i].name + records[i].family).toMatch(/[يك]/);
    for (const i of indicesWith(240, 'persian-digits')) {
      expect(records[i].nationalcode).toMatch(/^[۰-۹]{10}$/);
      expect(records[i].mobile).toMatch(/^۰۹[۰-۹]{9}$/);
    }
    for (const i of indicesWith(240, 'arabic-indic-digits')) expect(records[i].nationalcode).toMatch(/^[٠-٩]{10}$/);
    for (const i of indicesWith(240, 'stray-whitespace')) {
      expect(records[i].name.endsWith('\u200c')).toBe(true);
      expect(records[i].family).toMatch(/^ {2}\S.* $/);
    }
    for (const i of indicesWith(240, 'mojibake')) expect(records[i].name).toMatch(/^[ØÙÚÛ]/);
    for (const i of indicesWith(240, 'invalid-national-code')) {
      expect(records[i].nationalcode).toMatch(/^\d{10}$/);
      expect(isValidNationalCode(records[i].nationalcode)).toBe(false);
    }
    for (const i of indicesWith(240, 'empty-national-code')) expect(records[i].nationalcode).toBe('');
  });

  it('should keep Arabic letters, foreign digits and stray spaces out when a record has no defect', () => {
    const clean = records.filter((_, i) => facultyDefectsAt(i).length === 0);
    expect(clean.length).toBeGreaterThan(100);
    for (const record of clean) {
      const text = [record.name, record.family, record.mobile, record.nationalcode].join('|');
      expect(text).not.toMatch(/[يك۰-۹٠-٩\u200c]|\s{2}|^\s|\s$/);
      expect(record.mobile).toMatch(/^09\d{9}$/);
    }
  });

  it('should mention a province in scope and pair markaz with code_Markaz when generated', () => {
    const campusByCode = new Map<string, string>();
    for (const record of records) {
      expect(record.scope).toMatch(/استان|تهران|اصفهان|خراسان|آذربایجان|گیلان|سیستان/);
      expect(campusByCode.get(record.code_Markaz) ?? record.markaz).toBe(record.markaz);
      campusByCode.set(record.code_Markaz, record.markaz);
    }
    expect(campusByCode.size).toBeGreaterThan(5);
  });
});

describe('faculty dataset', () => {
  it('should change the list and restore it when records are removed, updated, added and reset', () => {
    const dataset = createFacultyDataset(10, 1);
    const [first, second] = dataset.list();
    dataset.remove(first.nationalcode);
    dataset.update(second.nationalcode, { family: 'تازه' });
    const added = dataset.add({ nationalcode: validNationalCode(1) });

    const changed = dataset.list();
    expect(changed).toHaveLength(10);
    expect(changed.map((r) => r.nationalcode)).not.toContain(first.nationalcode);
    expect(changed.find((r) => r.nationalcode === second.nationalcode)?.family).toBe('تازه');
    expect(changed[changed.length - 1]).toEqual(added);
    expect(added.personelid).not.toBe(second.personelid);

    dataset.reset();
    expect(dataset.list()).toEqual(generateFaculty(10, 1));
  });

  it('should find a record by its Latin-digit code when the stored code uses Persian digits', () => {
    const dataset = createFacultyDataset(10, 1);
    const stored = dataset.list()[3].nationalcode;
    expect(stored).toMatch(/^[۰-۹]{10}$/);
    dataset.remove(latin(stored));
    expect(dataset.list()).toHaveLength(9);
  });

  it('should throw when asked to change a national code it does not hold', () => {
    const dataset = createFacultyDataset(10, 1);
    expect(() => dataset.remove('0000000000')).toThrow(/No faculty record/);
    expect(() => dataset.update('0000000000', { name: 'x' })).toThrow(/No faculty record/);
  });
});
