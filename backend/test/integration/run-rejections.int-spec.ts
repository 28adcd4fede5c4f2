import type { Page, RunRejection } from '@hamgam/shared';
import { isValidNationalCode, normalizeNationalCode } from '../../src/common/national-code';
import { toAsciiDigits } from '../../src/common/text/clean-text';
import { getBytes } from './helpers/test-app';
import { runStudents, startStudentsFixture, type StudentsFixture } from './helpers/students-fixture';

/** Student number → the terms its record was refused in and the national code it was refused for, from the stand-in's data. */
function expectedRejections(f: StudentsFixture): Map<string, { terms: string[]; value: string }> {
  const expected = new Map<string, { terms: string[]; value: string }>();
  for (const campus of f.gateway.students.campuses) {
    for (const term of f.terms) {
      for (const record of f.gateway.students.list(campus.code, term)) {
        const ascii = toAsciiDigits(record.nationalcode);
        const code = normalizeNationalCode(ascii);
        if (code && isValidNationalCode(code)) continue;
        const entry = expected.get(record.studentnum) ?? { terms: [], value: code ?? ascii };
        if (!entry.terms.includes(term)) entry.terms.push(term);
        expected.set(record.studentnum, entry);
      }
    }
  }
  for (const entry of expected.values()) entry.terms.sort();
  return expected;
}

describe('a run’s rejected records', () => {
  let f: StudentsFixture;

  beforeEach(async () => {
    f = await startStudentsFixture();
  });

  afterEach(async () => {
    await f.close();
  });

  const list = async (runId: string, query: Record<string, string | number> = {}) =>
    (await f.t.http().get(`/api/runs/${runId}/rejections`).query(query).expect(200)).body as Page<RunRejection>;

  it('should list one row per student with every term it was refused in, its code and value, when a student is refused in several terms', async () => {
    const expected = expectedRejections(f);
    expect([...expected.values()].some((entry) => entry.terms.length > 1)).toBe(true);

    const run = await runStudents(f.t);
    const page = await list(run.id, { pageSize: 200 });

    expect(page.total).toBe(expected.size);
    expect(new Set(page.items.map((item) => item.key)).size).toBe(page.items.length);
    for (const item of page.items) {
      const want = expected.get(item.key)!;
      expect(item).toEqual({
        key: item.key,
        table: 'students',
        terms: want.terms,
        reasons: [
          {
            code: 'invalid_national_code',
            params: { value: want.value },
            text: `The national code ${want.value} is not valid (wrong length or check digit).`,
          },
        ],
      });
    }
  });

  it('should find a row by its key, by a refused value typed in Persian digits, and page the rows when asked', async () => {
    const expected = [...expectedRejections(f).entries()];
    const run = await runStudents(f.t);
    const [key, { value }] = expected[0];

    expect((await list(run.id, { q: key })).items.map((item) => item.key)).toEqual([key]);
    const persianValue = value.replace(/\d/g, (digit) => '۰۱۲۳۴۵۶۷۸۹'[Number(digit)]);
    const byValue = await list(run.id, { q: persianValue });
    expect(byValue.items.map((item) => item.key)).toEqual(expected.filter(([, entry]) => entry.value === value).map(([k]) => k));
    expect((await list(run.id, { q: 'no-such-thing' })).total).toBe(0);

    const all = (await list(run.id, { pageSize: 200 })).items.map((item) => item.key);
    const second = await list(run.id, { page: 2, pageSize: 3 });
    expect(second).toMatchObject({ total: expected.length, page: 2, pageSize: 3 });
    expect(second.items.map((item) => item.key)).toEqual(all.slice(3, 6));
  });

  it('should export the rows as CSV with headers, decoded terms and reasons in Persian or English', async () => {
    const [[key, { terms, value }]] = [...expectedRejections(f).entries()];
    const run = await runStudents(f.t);

    const fa = await getBytes(f.t.http(), `/api/runs/${run.id}/rejections.csv?lang=fa&q=${key}`);
    expect(fa.status).toBe(200);
    expect(fa.headers['content-type']).toContain('text/csv');
    expect(fa.headers['content-disposition']).toContain(`hamgam-run-${run.id}-rejections.csv`);
    const faLines = fa.body
      .toString('utf8')
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\n');
    expect(faLines[0]).toBe('شناسهٔ رکورد,نیمسال‌ها,دلیل‌ها');
    expect(faLines).toHaveLength(2);
    expect(faLines[1]).toContain(key);
    expect(faLines[1]).toContain(`کد ملی ${value} معتبر نیست`);
    const partFa = ['نیمسال اول', 'نیمسال دوم', 'تابستان'][Number(terms[0][3]) - 1];
    expect(faLines[1]).toContain(`${partFa} ${1000 + Number(terms[0].slice(0, 3))}`);

    const en = await getBytes(f.t.http(), `/api/runs/${run.id}/rejections.csv?lang=en`);
    const enLines = en.body
      .toString('utf8')
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\n');
    expect(enLines[0]).toBe('Record key,Terms,Reasons');
    expect(enLines).toHaveLength(1 + expectedRejections(f).size);
    expect(enLines.find((line) => line.startsWith(key))).toContain(`The national code ${value} is not valid`);
    await f.t.http().get(`/api/runs/${run.id}/rejections.csv?lang=de`).expect(400);
  });

  it('should show a reason recorded before codes as its text, and answer 404 for a run that does not exist', async () => {
    const run = await runStudents(f.t);
    await f.t.sql.run(`INSERT INTO run_rejections (run_id, record_key, reason) VALUES (?, 'old-key', 'invalid national code: 123')`, [Number(run.id)]);

    const page = await list(run.id, { q: 'old-key' });

    expect(page.items).toEqual([{ key: 'old-key', table: null, terms: [], reasons: [{ code: null, params: {}, text: 'invalid national code: 123' }] }]);
    await f.t.http().get('/api/runs/999999/rejections').expect(404);
    await f.t.http().get(`/api/runs/${run.id}/rejections?pageSize=500`).expect(400);
  });
});
