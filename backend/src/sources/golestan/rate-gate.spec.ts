import { SyncError } from '../../common/sync-error';
import { RateGate } from './rate-gate';

function fakeClock() {
  const clock = { now: 0, sleeps: [] as number[] };
  const sleep = async (ms: number) => {
    clock.sleeps.push(ms);
    clock.now += ms;
  };
  return { clock, sleep, now: () => clock.now };
}

describe('RateGate', () => {
  const signal = new AbortController().signal;

  it('should let the configured number of requests through at once and queue the next when all are taken', async () => {
    const gate = new RateGate({ concurrency: 2 });
    await gate.acquire(signal);
    await gate.acquire(signal);
    let isThirdIn = false;
    const third = gate.acquire(signal).then(() => (isThirdIn = true));
    await Promise.resolve();
    expect(isThirdIn).toBe(false);

    gate.release(true);
    await third;
    expect(isThirdIn).toBe(true);
  });

  it('should make every later request wait out Retry-After and halve the limit when the gateway pushes back', async () => {
    const { clock, sleep, now } = fakeClock();
    const gate = new RateGate({ concurrency: 4, now, sleep });
    const startedAt = await gate.acquire(signal);

    expect(gate.slowDown(3000, startedAt)).toEqual({ waitMs: 3000, limit: 2, isNew: true });
    gate.release(false);
    await gate.acquire(signal);
    expect(clock.sleeps).toEqual([3000]);
  });

  it('should halve the limit once when several requests sent together are refused together', async () => {
    const { now, sleep } = fakeClock();
    const gate = new RateGate({ concurrency: 4, now, sleep });
    const starts = [await gate.acquire(signal), await gate.acquire(signal), await gate.acquire(signal)];

    expect(starts.map((startedAt) => gate.slowDown(1000, startedAt).limit)).toEqual([2, 2, 2]);
  });

  it('should allow one more request at once after enough successes when it had slowed down', async () => {
    const { now, sleep } = fakeClock();
    const gate = new RateGate({ concurrency: 4, now, sleep, recoverAfter: 2 });
    gate.slowDown(0, await gate.acquire(signal));
    gate.release(false);
    expect(gate.currentLimit).toBe(2);

    for (let i = 0; i < 4; i += 1) {
      await gate.acquire(signal);
      gate.release(true);
    }
    expect(gate.currentLimit).toBe(4);
  });

  it('should stop waiting with cancelled when the run is cancelled', async () => {
    const gate = new RateGate({ concurrency: 1 });
    await gate.acquire(signal);
    const controller = new AbortController();
    const waiting = gate.acquire(controller.signal);
    controller.abort();

    await expect(waiting).rejects.toBeInstanceOf(SyncError);
    await expect(waiting).rejects.toMatchObject({ kind: 'cancelled' });
  });
});
