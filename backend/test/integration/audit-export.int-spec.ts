import ExcelJS from 'exceljs';
import { getBytes, startTestApp, type TestApp } from './helpers/test-app';

const sheetOf = async (body: Buffer): Promise<ExcelJS.Worksheet> => {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(body as unknown as Parameters<typeof workbook.xlsx.load>[0]);
  return workbook.worksheets[0];
};

const rowValues = (sheet: ExcelJS.Worksheet, row: number) => (sheet.getRow(row).values as unknown[]).slice(1);

describe('the audit trail exports', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp();
    await t.anonymous().post('/api/auth/login').send({ username: 'nobody', password: 'wrong-password' }).expect(401);
  });

  afterAll(async () => {
    await t.close();
  });

  it('should write headers and actions in Persian with ISO, local and Jalali times when the CSV is asked for in Persian', async () => {
    const lines = (await getBytes(t.http(), '/api/audit/export.csv?lang=fa')).body.subarray(3).toString('utf8').trim().split('\n');
    expect(lines[0].split(',')).toEqual(['شناسه', 'زمان (ISO)', 'زمان (میلادی)', 'زمان (شمسی)', 'کاربر', 'کنش', 'هدف', 'IP', 'جزئیات']);
    const failed = lines.find((line) => line.includes('ورود ناموفق'))!;
    expect(failed.split(',')[4]).toBe('(نامشخص)');
    expect(failed.split(',')[3]).toMatch(/^14\d\d\/\d\d\/\d\d \d\d:\d\d:\d\d$/);
  });

  it('should write headers and actions in English when the CSV is asked for in English', async () => {
    const lines = (await getBytes(t.http(), '/api/audit/export.csv?lang=en&action=login')).body.subarray(3).toString('utf8').trim().split('\n');
    expect(lines[0]).toBe('ID,Time (ISO),Time (local),Time (Jalali),User,Action,Target,IP,Details');
    expect(lines.length).toBeGreaterThan(1);
    expect(lines.slice(1).every((line) => line.split(',')[5] === 'Signed in')).toBe(true);
  });

  it('should export the same filtered entries as a right-to-left XLSX sheet an auditor can read when asked in Persian', async () => {
    const auditor = await t.as('auditor');
    const response = await getBytes(auditor(), '/api/audit/export.xlsx?action=login.failed&lang=fa');
    expect(response.headers['content-type']).toContain('spreadsheetml');
    expect(response.headers['content-disposition']).toContain('hamgam-audit.xlsx');
    const sheet = await sheetOf(response.body);
    expect(sheet.name).toBe('ردّ ممیزی');
    expect(sheet.views[0]).toMatchObject({ rightToLeft: true });
    expect(rowValues(sheet, 1)).toEqual(['شناسه', 'زمان (ISO)', 'زمان (میلادی)', 'زمان (شمسی)', 'کاربر', 'کنش', 'هدف', 'IP', 'جزئیات']);
    expect(sheet.rowCount).toBe(2);
    expect(rowValues(sheet, 2)[5]).toBe('ورود ناموفق');
  });

  it('should export a left-to-right XLSX sheet when asked in English', async () => {
    const sheet = await sheetOf((await getBytes(t.http(), '/api/audit/export.xlsx?action=login.failed&lang=en')).body);
    expect(sheet.name).toBe('Audit trail');
    expect(sheet.views[0].rightToLeft).toBeFalsy();
    expect(rowValues(sheet, 2)[5]).toBe('Sign-in failed');
  });

  it.each(['export.csv', 'export.xlsx'])('should answer 400 naming lang when the audit %s is asked in a language the exports do not speak', async (file) => {
    const response = await t.http().get(`/api/audit/${file}?lang=ar`).expect(400);
    expect(response.body.fields.lang).toBeDefined();
  });
});
