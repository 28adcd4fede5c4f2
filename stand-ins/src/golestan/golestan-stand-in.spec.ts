import { startGolestanStandIn, type GolestanStandIn } from './golestan-stand-in';
import { validNationalCode } from './national-code';

describe('Golestan stand-in over HTTP', () => {
  let standIn: GolestanStandIn;

  const post = (path: string, body: unknown, token?: string): Promise<Response> =>
    fetch(`${standIn.url}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });

  const login = async (): Promise<string> => {
    const res = await post('/Login', { userName: standIn.username, password: standIn.password });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { data: { token: string } };
    return body.data.token;
  };

  const facultyPage = async (token: string, pageNumber: number, pageSize: number) => {
    const res = await post('/API/Golestan/Faculty', { pageNumber, pageSize }, token);
    expect(res.status).toBe(200);
    return ((await res.json()) as { data: { nationalcode: string; personelid: string }[] }).data;
  };

  beforeEach(async () => {
    standIn = await startGolestanStandIn();
  });

  afterEach(async () => {
    await standIn.close();
  });

  it('should return every record exactly once when paging 100 at a time until a short page', async () => {
    const token = await login();
    const seen: string[] = [];
    const pageSizes: number[] = [];
    for (let pageNumber = 1; ; pageNumber += 1) {
      const page = await facultyPage(token, pageNumber, 100);
      pageSizes.push(page.length);
      seen.push(...page.map((r) => r.personelid));
      if (page.length < 100) break;
    }
    expect(pageSizes).toEqual([100, 100, 40]);
    expect(new Set(seen).size).toBe(240);
    expect(seen).toEqual(standIn.faculty.list().map((r) => r.personelid));
    expect(standIn.stats()).toMatchObject({ logins: 1, dataCalls: 3 });
  });

  it('should answer an empty data list when the page is beyond the end', async () => {
    const token = await login();
    expect(await facultyPage(token, 4, 100)).toEqual([]);
    expect(await facultyPage(token, 1, 1_000_000)).toHaveLength(240);
  });

  it('should send JSON with a utf-8 charset when answering', async () => {
    const res = await post('/Login', { userName: standIn.username, password: standIn.password });
    expect(res.headers.get('content-type')).toBe('application/json; charset=utf-8');
  });

  it('should answer 401 with a message when the credentials are wrong', async () => {
    const res = await post('/Login', { userName: standIn.username, password: 'wrong' });
    expect(res.status).toBe(401);
    expect(((await res.json()) as { message: string }).message).toMatch(/رمز عبور/);
    expect(standIn.stats()).toMatchObject({ logins: 0, served401: 1 });
  });

  it('should answer 401 when the token is missing or unknown', async () => {
    expect((await post('/API/Golestan/Faculty', { pageNumber: 1, pageSize: 10 })).status).toBe(401);
    expect((await post('/API/Golestan/Faculty', { pageNumber: 1, pageSize: 10 }, 'nope')).status).toBe(401);
    expect(standIn.stats().served401).toBe(2);
  });

  it('should answer 401 when the token has outlived tokenTtlMs', async () => {
    const shortLived = await startGolestanStandIn({ tokenTtlMs: 50 });
    try {
      const res = await fetch(`${shortLived.url}/Login`, {
        method: 'POST',
        body: JSON.stringify({ userName: shortLived.username, password: shortLived.password }),
      });
      const { data } = (await res.json()) as { data: { token: string } };
      await new Promise((resolve) => setTimeout(resolve, 80));
      const late = await fetch(`${shortLived.url}/API/Golestan/Faculty`, {
        method: 'POST',
        headers: { authorization: `Bearer ${data.token}` },
        body: JSON.stringify({ pageNumber: 1, pageSize: 10 }),
      });
      expect(late.status).toBe(401);
    } finally {
      await shortLived.close();
    }
  });

  it('should answer 400 with reasons when the body is not a valid page request', async () => {
    const token = await login();
    for (const body of ['{not json', { pageNumber: 0, pageSize: 10 }, { pageNumber: 1, pageSize: '10' }, []]) {
      const res = await post('/API/Golestan/Faculty', body, token);
      expect(res.status).toBe(400);
      expect(((await res.json()) as { errors: string[] }).errors.length).toBeGreaterThan(0);
    }
    expect((await post('/Login', { userName: 1 })).status).toBe(400);
  });

  it('should answer 404 or 405 when the path or method is unknown', async () => {
    expect((await fetch(`${standIn.url}/API/Golestan/Nope`, { method: 'POST' })).status).toBe(404);
    expect((await fetch(`${standIn.url}/Login`)).status).toBe(405);
  });

  it('should serve the changed records when the dataset is edited between runs', async () => {
    const [first, second] = standIn.faculty.list();
    standIn.faculty.remove(first.nationalcode);
    standIn.faculty.update(second.nationalcode, { mobile: '09120000000' });
    const added = standIn.faculty.add({ nationalcode: validNationalCode(99) });

    const token = await login();
    const all = await facultyPage(token, 1, 1000);
    expect(all).toHaveLength(240);
    expect(all.map((r) => r.nationalcode)).not.toContain(first.nationalcode);
    expect(all.find((r) => r.nationalcode === second.nationalcode)).toMatchObject({ mobile: '09120000000' });
    expect(all[all.length - 1].nationalcode).toBe(added.nationalcode);
  });

  it('should drop the first faculty members over HTTP and bring them back on reset', async () => {
    const [first, second] = standIn.faculty.list();

    const res = await post('/__control/faculty/remove', { count: 2 });

    expect(res.status).toBe(200);
    expect(((await res.json()) as { removed: string[] }).removed).toEqual([first.nationalcode, second.nationalcode]);
    expect(standIn.faculty.list()).toHaveLength(238);
    expect((await post('/__control/faculty/remove', { count: -1 })).status).toBe(400);
    await post('/__control/reset', {});
    expect(standIn.faculty.list()).toHaveLength(240);
  });

  describe('Students_2', () => {
    const students = async (token: string, body: unknown) => {
      const res = await post('/API/Golestan/Students_2', body, token);
      return { status: res.status, body: (await res.json()) as { data: { studentnum: string; term: string }[] } };
    };

    it('should return the same students for a campus and term when asked twice', async () => {
      const token = await login();
      const request = { codePardis: '1110', term: '4021', paging: { pageNumber: 1, pageSize: 100 }, Filter: {} };
      const first = await students(token, request);
      expect(first.status).toBe(200);
      expect(first.body.data.length).toBeGreaterThan(5);
      expect(first.body.data.every((s) => s.term === '4021')).toBe(true);
      expect((await students(token, request)).body).toEqual(first.body);
    });

    it('should page the students when pageSize is smaller than the set', async () => {
      const token = await login();
      const request = (pageNumber: number, pageSize: number) => ({
        codePardis: '1110',
        term: '4021',
        paging: { pageNumber, pageSize },
        Filter: {},
      });
      const all = (await students(token, request(1, 1000))).body.data;
      const pages = [...(await students(token, request(1, 5))).body.data, ...(await students(token, request(2, 5))).body.data];
      expect(pages).toEqual(all.slice(0, 10));
    });

    it('should answer an empty list when the campus is unknown', async () => {
      const token = await login();
      const res = await students(token, { codePardis: '9999', term: '4021', paging: { pageNumber: 1, pageSize: 10 } });
      expect(res).toEqual({ status: 200, body: { data: [] } });
    });

    it('should answer 400 when the codes are sent as numbers', async () => {
      const token = await login();
      const res = await students(token, { codePardis: 1110, term: 4021, paging: { pageNumber: 1, pageSize: 10 } });
      expect(res.status).toBe(400);
    });
  });
});
