import { parseFaults } from './golestan-faults';
import { startGolestanStandIn, type GolestanStandIn } from './golestan-stand-in';

describe('Golestan stand-in: students', () => {
  let standIn: GolestanStandIn;
  let token: string;

  const post = (path: string, body: unknown, bearer?: string): Promise<Response> =>
    fetch(`${standIn.url}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(bearer ? { authorization: `Bearer ${bearer}` } : {}) },
      body: JSON.stringify(body),
    });
  const students = (codePardis: string, term: string) =>
    post('/API/Golestan/Students_2', { codePardis, term, paging: { pageNumber: 1, pageSize: 50 }, Filter: {} }, token);

  beforeEach(async () => {
    standIn = await startGolestanStandIn({ students: { campusCount: 3, studentsPerCampus: 30, lastYear: 1405 } });
    const login = await post('/Login', { userName: standIn.username, password: standIn.password });
    token = ((await login.json()) as { data: { token: string } }).data.token;
  });

  afterEach(async () => {
    await standIn.close();
  });

  it('should serve the university of the given size when options name one', async () => {
    expect(standIn.students.campuses.map((c) => c.code)).toEqual(['1110', '1120', '1210']);
    const res = await students('1120', '4041');
    expect(res.status).toBe(200);
    expect(((await res.json()) as { data: unknown[] }).data).toEqual(standIn.students.page('1120', '4041', 1, 50));
  });

  it('should answer 500 for one (campus, term) every time and serve the others when that pair is switched to fail', async () => {
    standIn.setFaults({ studentCalls: [{ codePardis: '1110', term: '4042', fail: true }] });
    const statuses = [];
    for (let i = 0; i < 3; i += 1) statuses.push((await students('1110', '4042')).status);
    expect(statuses).toEqual([500, 500, 500]);
    expect((await students('1110', '4041')).status).toBe(200);
    expect((await students('1120', '4042')).status).toBe(200);
    expect(standIn.stats()).toMatchObject({ served500: 3, studentCallsByTerm: { '4041': 1, '4042': 1 } });
  });

  it('should delay only the named pair when it has delayMs', async () => {
    standIn.setFaults({ studentCalls: [{ codePardis: '1110', term: '4042', delayMs: 300 }] });
    let started = Date.now();
    await students('1110', '4041');
    expect(Date.now() - started).toBeLessThan(250);
    started = Date.now();
    await students('1110', '4042');
    expect(Date.now() - started).toBeGreaterThanOrEqual(290);
  });

  it('should refuse malformed student call faults when parsing', () => {
    expect(parseFaults({ studentCalls: [{ codePardis: '1110', term: '4042', fail: true }] }).ok).toBe(true);
    expect(parseFaults({ studentCalls: {} }).ok).toBe(false);
    expect(parseFaults({ studentCalls: [{ codePardis: 1110, term: '4042' }] }).ok).toBe(false);
    expect(parseFaults({ studentCalls: [{ codePardis: '1110', term: '4042', delayMs: -1 }] }).ok).toBe(false);
  });
});
