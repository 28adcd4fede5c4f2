import { startGolestanStandIn, type GolestanStandIn } from '@hamgam/stand-ins';
import { SyncError } from '../../common/sync-error';
import { GolestanClient } from './golestan.client';

const FACULTY = '/API/Golestan/Faculty';
const TOKEN_TTL_MS = 400;

describe('GolestanClient against the stand-in gateway', () => {
  let gateway: GolestanStandIn;

  beforeAll(async () => {
    gateway = await startGolestanStandIn({ seed: 3, tokenTtlMs: TOKEN_TTL_MS });
  });

  afterAll(async () => {
    await gateway.close();
  });

  beforeEach(() => gateway.reset());

  const client = (password = gateway.password) =>
    new GolestanClient({
      baseUrl: gateway.url,
      username: gateway.username,
      password,
      requestTimeoutMs: 5000,
      maxRetries: 1,
      retryBaseMs: 10,
      signal: new AbortController().signal,
    });
  const page = (c: GolestanClient, pageNumber: number) =>
    c.call(FACULTY, { pageNumber, pageSize: 2 }, `page ${pageNumber}`, (response) => c.readDataList(FACULTY, `page ${pageNumber}`, response));

  it('should log in once when several calls start together without a token', async () => {
    const c = client();

    const pages = await Promise.all([1, 2, 3, 4, 5, 6].map((n) => page(c, n)));

    expect(pages.every((items) => items.length === 2)).toBe(true);
    expect(gateway.stats().logins).toBe(1);
  });

  it('should renew an expired token once for every call in flight when they are all refused with 401', async () => {
    const c = client();
    await page(c, 1);
    await new Promise((resolve) => setTimeout(resolve, TOKEN_TTL_MS + 100));

    const pages = await Promise.all([1, 2, 3, 4, 5].map((n) => page(c, n)));

    expect(pages).toHaveLength(5);
    expect(gateway.stats()).toMatchObject({ logins: 2, served401: 5 });
  });

  it('should fail with an auth error naming the credentials when the gateway refuses the login', async () => {
    const error = await page(client('wrong password'), 1).catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(SyncError);
    expect(error).toMatchObject({ kind: 'auth', message: expect.stringContaining('check the user name and password') });
    expect((error as Error).message).not.toContain('wrong password');
  });
});
