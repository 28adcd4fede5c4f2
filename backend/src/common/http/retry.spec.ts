import { SyncError } from '../sync-error';
import { abortableSleep, TransientError, withRetry, type RetryInfo } from './retry';

const noSleep = jest.fn(async () => undefined);

function failingTimes<T>(failures: Error[], value: T) {
  let calls = 0;
  const attempt = jest.fn(async () => {
    const failure = failures[calls];
    calls += 1;
    if (failure) throw failure;
    return value;
  });
  return attempt;
}

describe('withRetry', () => {
  beforeEach(() => noSleep.mockClear());

  it('should retry and return the value when transient failures stop in time', async () => {
    const attempt = failingTimes([new TransientError('network', 'down'), new TransientError('upstream', 'answered 503')], 'ok');
    const retries: RetryInfo[] = [];

    await expect(withRetry(attempt, { maxRetries: 4, sleep: noSleep, onRetry: (info) => retries.push(info) })).resolves.toBe('ok');

    expect(attempt).toHaveBeenCalledTimes(3);
    expect(retries.map((r) => [r.attempt, r.reason])).toEqual([
      [1, 'down'],
      [2, 'answered 503'],
    ]);
  });

  it('should throw a SyncError of the last kind when retries run out', async () => {
    const attempt = failingTimes(
      Array.from({ length: 5 }, () => new TransientError('timeout', 'no answer')),
      'never',
    );

    const error = await withRetry(attempt, { maxRetries: 2, sleep: noSleep }).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(SyncError);
    expect(error).not.toBeInstanceOf(TransientError);
    expect((error as SyncError).kind).toBe('timeout');
    expect((error as SyncError).message).toBe('no answer (gave up after 3 attempts)');
    expect(attempt).toHaveBeenCalledTimes(3);
  });

  it('should not retry when the error is not transient', async () => {
    const attempt = failingTimes([new SyncError('auth', 'refused')], 'never');

    await expect(withRetry(attempt, { maxRetries: 4, sleep: noSleep })).rejects.toThrow('refused');
    expect(attempt).toHaveBeenCalledTimes(1);
  });

  it('should wait for Retry-After, capped, when the server asks for a wait', async () => {
    const attempt = failingTimes([new TransientError('upstream', '429', 5_000), new TransientError('upstream', '429', 600_000)], 'ok');

    await withRetry(attempt, { maxRetries: 4, sleep: noSleep, maxRetryAfterMs: 60_000 });

    expect(noSleep.mock.calls.map((call: unknown[]) => call[0])).toEqual([5_000, 60_000]);
  });

  it('should use exponential backoff when the server names no wait', async () => {
    const attempt = failingTimes(
      [1, 2, 3].map(() => new TransientError('network', 'down')),
      'ok',
    );

    await withRetry(attempt, { maxRetries: 4, baseMs: 100, maxMs: 10_000, random: () => 0.5, sleep: noSleep });

    expect(noSleep.mock.calls.map((call: unknown[]) => call[0])).toEqual([50, 100, 200]);
  });

  it('should stop at once with cancelled when the signal aborts during a backoff', async () => {
    const controller = new AbortController();
    const attempt = failingTimes([new TransientError('network', 'down')], 'ok');
    const started = Date.now();
    setTimeout(() => controller.abort(), 20);

    const error = await withRetry(attempt, { maxRetries: 4, baseMs: 60_000, maxMs: 60_000, random: () => 0.99, signal: controller.signal }).catch(
      (e: unknown) => e,
    );

    expect((error as SyncError).kind).toBe('cancelled');
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(attempt).toHaveBeenCalledTimes(1);
  });
});

describe('abortableSleep', () => {
  it('should resolve when the time passes and nobody aborts', async () => {
    await expect(abortableSleep(5, new AbortController().signal)).resolves.toBeUndefined();
  });

  it('should reject with the abort reason when the reason is a SyncError', async () => {
    const controller = new AbortController();
    controller.abort(new SyncError('timeout', 'the run exceeded its time limit'));

    await expect(abortableSleep(10_000, controller.signal)).rejects.toThrow('the run exceeded its time limit');
  });
});
