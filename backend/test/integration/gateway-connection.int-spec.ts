import { startGolestanStandIn, type GolestanStandIn } from '@hamgam/stand-ins';
import type { ConnectionTestResult } from '@hamgam/shared';
import { startTestApp, type TestApp } from './helpers/test-app';

// A port nothing listens on: the connection is refused at once.
const UNREACHABLE = 'http://127.0.0.1:9';

describe('testing the gateway connection of faculty and students through the API', () => {
  let gateway: GolestanStandIn;
  let t: TestApp;

  beforeAll(async () => {
    gateway = await startGolestanStandIn({ seed: 7 });
    t = await startTestApp({
      env: { GOLESTAN_BASE_URL: gateway.url, GOLESTAN_USERNAME: gateway.username, GOLESTAN_PASSWORD: gateway.password },
      standIns: { 'legacy-faculty': { baseUrl: gateway.url, username: gateway.username, password: gateway.password } },
    });
  });

  afterEach(() => gateway.reset());

  afterAll(async () => {
    await t.close();
    await gateway.close();
  });

  const test = async (sourceId: string, body: object = {}) =>
    (await t.http().post(`/api/sources/${sourceId}/test-connection`).send(body).expect(200)).body as ConnectionTestResult;

  it.each(['faculty', 'students'])('should log in and read one page when the stored %s settings work', async (sourceId) => {
    const source = (await t.http().get(`/api/sources/${sourceId}`).expect(200)).body as { canTestConnection: boolean };
    expect(source.canTestConnection).toBe(true);

    const result = await test(sourceId);

    expect(result).toMatchObject({ isOk: true, errorKind: null, message: null });
    expect(result.checks).toEqual([
      { name: 'POST /Login', isAllowed: true },
      { name: expect.stringMatching(/^POST \/API\/Golestan\//), isAllowed: true },
    ]);
    expect(gateway.stats()).toMatchObject({ logins: 1, dataCalls: 1 });
  });

  it.each(['faculty', 'students'])('should say the credentials were refused when %s is tested with a wrong password', async (sourceId) => {
    const result = await test(sourceId, { connection: { password: 'Not-The-Password-1' } });

    expect(result).toMatchObject({ isOk: false, errorKind: 'auth', message: 'the gateway refused the user name or password' });
    expect(result.checks).toEqual([{ name: 'POST /Login', isAllowed: false }]);
    // Neither the password sent nor the gateway's own answer comes back.
    expect(JSON.stringify(result)).not.toMatch(/Not-The-Password-1|اشتباه|invalid user name/);
  });

  it.each(['faculty', 'students'])('should say the address could not be reached when %s is tested against a closed port', async (sourceId) => {
    const result = await test(sourceId, { connection: { baseUrl: UNREACHABLE, password: gateway.password } });

    expect(result).toMatchObject({ isOk: false, errorKind: 'network', message: expect.stringMatching(/^the address could not be reached: .*no HTTP answer/) });
    // One message for every failure below HTTP: a refused port reads like a silent one (review finding 6).
    expect(result.message).not.toMatch(/ECONNREFUSED/);
    expect(gateway.stats().logins).toBe(0);
  });

  it('should name the unexpected answer without quoting it when the page fails with 500', async () => {
    gateway.setFaults({ failNext: 5 });

    const result = await test('faculty');

    expect(result).toMatchObject({ isOk: false, errorKind: 'upstream', message: 'the gateway gave an unexpected answer to the first faculty page (HTTP 500)' });
    expect(result.checks).toEqual([
      { name: 'POST /Login', isAllowed: true },
      { name: 'POST /API/Golestan/Faculty', isAllowed: false },
    ]);
    expect(JSON.stringify(result)).not.toMatch(/خطای داخلی|an error has occurred/);
  });

  it('should refuse to test a source that has no connection test', async () => {
    await t.http().post('/api/sources/legacy-faculty/test-connection').send({}).expect(400);
  });
});
