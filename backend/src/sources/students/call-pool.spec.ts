import { runPool } from './call-pool';

describe('runPool', () => {
  it('should never run more than the limit at once and run every item when nothing stops it', async () => {
    let running = 0;
    let peak = 0;
    const done: number[] = [];
    await runPool([1, 2, 3, 4, 5, 6, 7], 3, async (n) => {
      running += 1;
      peak = Math.max(peak, running);
      await new Promise((resolve) => setImmediate(resolve));
      running -= 1;
      done.push(n);
    });

    expect(peak).toBe(3);
    expect([...done].sort()).toEqual([1, 2, 3, 4, 5, 6, 7]);
  });

  it('should start no further item when asked to stop', async () => {
    const started: number[] = [];
    let stop = false;
    await runPool(
      [1, 2, 3, 4, 5],
      2,
      async (n) => {
        started.push(n);
        if (n === 2) stop = true;
        await Promise.resolve();
      },
      () => stop,
    );

    expect(started).toEqual([1, 2]);
  });

  it('should return at once when there is nothing to do', async () => {
    await expect(runPool([], 4, async () => undefined)).resolves.toBeUndefined();
  });
});
