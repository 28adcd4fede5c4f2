import { FailureCounts, LoginLimiter } from './login-limiter';

const WINDOW = 60_000;
const limiter = () => new LoginLimiter({ maxTries: 3, maxTriesPerAddress: 5, windowMs: WINDOW, baseDelayMs: 250, maxDelayMs: 2000 });

describe('LoginLimiter', () => {
  it('should answer 429 to a (username, address) pair at its last allowed failure until the window ends', async () => {
    const l = limiter();
    expect(await l.fail('admin', '10.0.0.1', 0)).toEqual([]);
    expect(await l.fail('admin', '10.0.0.1', 1_000)).toEqual([]);
    expect((await l.check('admin', '10.0.0.1', 2_000)).retryAfterMs).toBe(0);
    expect(await l.fail('admin', '10.0.0.1', 2_000)).toEqual([{ kind: 'username-address', address: '10.0.0.1', username: 'admin' }]);
    expect((await l.check('admin', '10.0.0.1', 2_000)).retryAfterMs).toBe(58_000);
    expect((await l.check('admin', '10.0.0.1', WINDOW)).retryAfterMs).toBe(0);
  });

  it('should let the same username in from another address when one address is locked for it', async () => {
    const l = limiter();
    for (let i = 0; i < 3; i++) await l.fail('admin', '10.0.0.1', i);
    expect((await l.check('admin', '10.0.0.2', 10)).retryAfterMs).toBe(0);
  });

  it('should lock an address past its tries whatever username it tries next', async () => {
    const l = limiter();
    for (const name of ['u1', 'u2', 'u3', 'u4']) expect(await l.fail(name, '10.9.9.9', 0)).toEqual([]);
    expect(await l.fail('u5', '10.9.9.9', 0)).toEqual([{ kind: 'address', address: '10.9.9.9' }]);
    expect((await l.check('u6', '10.9.9.9', 1)).retryAfterMs).toBe(WINDOW - 1);
    expect((await l.check('u6', '10.9.9.8', 1)).retryAfterMs).toBe(0);
  });

  it('should slow a username failed from many addresses with a doubling delay, capped, and never lock it', async () => {
    const l = limiter();
    const delays: number[] = [];
    for (let i = 0; i < 8; i++) {
      delays.push((await l.check('admin', '10.1.0.99', i)).delayMs);
      await l.fail('admin', `10.1.0.${i}`, i);
    }
    expect(delays).toEqual([0, 0, 0, 250, 500, 1000, 2000, 2000]);
    expect((await l.check('admin', '10.1.0.99', 10)).retryAfterMs).toBe(0);
    expect((await l.check('admin', '10.1.0.99', WINDOW + 10)).delayMs).toBe(0);
  });

  it('should clear the username counts on success but keep the address count', async () => {
    const l = limiter();
    for (let i = 0; i < 4; i++) await l.fail('admin', '10.0.0.1', i);
    await l.succeed('admin', '10.0.0.1');
    expect(await l.check('admin', '10.0.0.1', 10)).toEqual({ retryAfterMs: 0, delayMs: 0 });
    await l.fail('other', '10.0.0.1', 11);
    expect((await l.check('third', '10.0.0.1', 12)).retryAfterMs).toBeGreaterThan(0);
  });
});

describe('FailureCounts', () => {
  it('should never hold more keys than its cap, dropping the oldest when every key is live', () => {
    const counts = new FailureCounts(WINDOW, 100);
    for (let i = 0; i < 1_000; i++) counts.add(`key-${i}`, 0);
    expect(counts.size).toBe(100);
    expect(counts.get('key-999', 1)?.failures).toBe(1);
    expect(counts.get('key-0', 1)).toBeNull();
  });

  it('should sweep expired keys rather than drop live ones when it is full', () => {
    const counts = new FailureCounts(WINDOW, 100);
    for (let i = 0; i < 99; i++) counts.add(`old-${i}`, 0);
    counts.add('live', WINDOW - 1);
    counts.add('new', WINDOW + 1);
    expect(counts.size).toBe(2);
    expect(counts.get('live', WINDOW + 2)?.failures).toBe(1);
  });

  it('should sweep expired keys as time passes even when it is not full', () => {
    const counts = new FailureCounts(WINDOW, 10_000);
    for (let i = 0; i < 500; i++) counts.add(`k-${i}`, 0);
    counts.add('later', WINDOW + 60_001);
    expect(counts.size).toBe(1);
  });
});
