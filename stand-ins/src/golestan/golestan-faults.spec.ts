import { parseFaults } from './golestan-faults';
import { startGolestanStandIn, type GolestanStandIn } from './golestan-stand-in';

describe('Golestan stand-in faults', () => {
  let standIn: GolestanStandIn;

  const post = (path: string, body: unknown, token?: string): Promise<Response> =>
    fetch(`${standIn.url}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify(body),
    });

  const login = async (): Promise<string> => {
    const res = await post('/Login', { userName: standIn.username, password: standIn.password });
    expect(res.status).toBe(200);
    return ((await res.json()) as { data: { token: string } }).data.token;
  };

  const firstPage = (token: string): Promise<Response> => post('/API/Golestan/Faculty', { pageNumber: 1, pageSize: 10 }, token);

  beforeEach(async () => {
    standIn = await startGolestanStandIn({ facultyCount: 30 });
  });

  afterEach(async () => {
    await standIn.close();
  });

  it('should answer 500 for exactly N data calls when failNext is N', async () => {
    const token = await login();
    standIn.setFaults({ failNext: 2 });
    const statuses = [];
    for (let i = 0; i < 3; i += 1) statuses.push((await firstPage(token)).status);
    expect(statuses).toEqual([500, 500, 200]);
    expect(standIn.stats()).toMatchObject({ served500: 2, dataCalls: 3 });
  });

  it('should answer 429 with Retry-After when rateLimitNext is set', async () => {
    const token = await login();
    standIn.setFaults({ rateLimitNext: 1, retryAfterSeconds: 7 });
    const limited = await firstPage(token);
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('7');
    expect((await firstPage(token)).status).toBe(200);
    expect(standIn.stats().served429).toBe(1);
  });

  it('should send a body that JSON.parse rejects when truncateNext is set', async () => {
    const token = await login();
    standIn.setFaults({ truncateNext: 1 });
    const truncated = await firstPage(token);
    expect(truncated.status).toBe(200);
    expect(truncated.headers.get('content-type')).toBe('application/json; charset=utf-8');
    const text = await truncated.text();
    expect(() => JSON.parse(text)).toThrow(SyntaxError);
    expect(JSON.parse(await (await firstPage(token)).text())).toHaveProperty('data');
    expect(standIn.stats().servedTruncated).toBe(1);
  });

  it('should truncate every data call when truncateAlways is on', async () => {
    const token = await login();
    standIn.setFaults({ truncateAlways: true });
    for (let i = 0; i < 3; i += 1) {
      const text = await (await firstPage(token)).text();
      expect(() => JSON.parse(text)).toThrow(SyntaxError);
    }
    expect(standIn.stats().servedTruncated).toBe(3);
  });

  it('should answer 401 after N calls and accept a fresh token when expireTokensAfterCalls is N', async () => {
    standIn.setFaults({ expireTokensAfterCalls: 2 });
    const token = await login();
    expect((await firstPage(token)).status).toBe(200);
    expect((await firstPage(token)).status).toBe(200);
    expect((await firstPage(token)).status).toBe(401);
    const fresh = await login();
    expect((await firstPage(fresh)).status).toBe(200);
    expect(standIn.stats()).toMatchObject({ logins: 2, served401: 1 });
  });

  it('should wait before answering when delayMs is set', async () => {
    const token = await login();
    standIn.setFaults({ delayMs: 150 });
    const started = Date.now();
    expect((await firstPage(token)).status).toBe(200);
    expect(Date.now() - started).toBeGreaterThanOrEqual(140);
  });

  it('should close promptly when a delayed call is still waiting', async () => {
    standIn.setFaults({ delayMs: 60_000 });
    const pending = firstPage('any').catch((error: unknown) => error);
    await new Promise((resolve) => setTimeout(resolve, 50));
    const started = Date.now();
    await standIn.close();
    expect(Date.now() - started).toBeLessThan(1000);
    // fetch's TypeError comes from another realm under jest, so instanceof cannot be used.
    expect(await pending).toHaveProperty('name', 'TypeError');
    standIn = await startGolestanStandIn();
  });

  it('should refuse every login when loginFails is on', async () => {
    standIn.setFaults({ loginFails: true });
    const res = await post('/Login', { userName: standIn.username, password: standIn.password });
    expect(res.status).toBe(401);
    standIn.resetFaults();
    await login();
  });

  describe('control endpoints', () => {
    it('should switch faults on when they are posted to /__control/faults', async () => {
      const res = await post('/__control/faults', { failNext: 1 });
      expect(res.status).toBe(200);
      expect(await res.json()).toEqual({ faults: { failNext: 1 } });
      const token = await login();
      expect((await firstPage(token)).status).toBe(500);
      expect((await firstPage(token)).status).toBe(200);
    });

    it('should answer 400 when the posted faults are unknown or mistyped', async () => {
      const res = await post('/__control/faults', { failNext: -1, explode: true });
      expect(res.status).toBe(400);
      expect(((await res.json()) as { errors: string[] }).errors).toHaveLength(2);
    });

    it('should report counters when /__control/stats is read', async () => {
      standIn.setFaults({ failNext: 1 });
      const token = await login();
      await firstPage(token);
      const res = await fetch(`${standIn.url}/__control/stats`);
      expect(await res.json()).toEqual({
        logins: 1,
        dataCalls: 1,
        served500: 1,
        served429: 0,
        servedTruncated: 0,
        served401: 0,
        studentCallsByTerm: {},
      });
    });

    it('should clear faults, stats and dataset edits when /__control/reset is posted', async () => {
      standIn.setFaults({ failNext: 5 });
      standIn.faculty.remove(standIn.faculty.list()[0].nationalcode);
      await login();
      expect((await post('/__control/reset', {})).status).toBe(200);
      expect(standIn.stats().logins).toBe(0);
      expect(standIn.faculty.list()).toHaveLength(30);
      expect((await firstPage(await login())).status).toBe(200);
    });
  });

  it('should accept only known fault names with the right types when parsing', () => {
    expect(parseFaults({ delayMs: 10, truncateAlways: false })).toEqual({
      ok: true,
      faults: { delayMs: 10, truncateAlways: false },
    });
    expect(parseFaults({ delayMs: 1.5 }).ok).toBe(false);
    expect(parseFaults({ loginFails: 'yes' }).ok).toBe(false);
    expect(parseFaults(null).ok).toBe(false);
  });
});
