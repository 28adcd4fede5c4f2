import { LoginLimiter } from './login-limiter';

describe('LoginLimiter', () => {
  it('should lock a key at its last allowed failure and free it when the window has passed', () => {
    const limiter = new LoginLimiter(3, 60_000);
    expect(limiter.fail('ip:1', 0)).toBe(false);
    expect(limiter.fail('ip:1', 1_000)).toBe(false);
    expect(limiter.retryAfterMs('ip:1', 2_000)).toBe(0);
    expect(limiter.fail('ip:1', 2_000)).toBe(true);
    expect(limiter.retryAfterMs('ip:1', 2_000)).toBe(58_000);
    expect(limiter.retryAfterMs('ip:1', 60_001)).toBe(0);
  });

  it('should count keys apart and forget a key when it is reset', () => {
    const limiter = new LoginLimiter(1, 60_000);
    limiter.fail('user:a', 0);
    expect(limiter.retryAfterMs('user:b', 0)).toBe(0);
    limiter.reset('user:a');
    expect(limiter.retryAfterMs('user:a', 0)).toBe(0);
  });
});
