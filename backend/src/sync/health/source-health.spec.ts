import { sourceHealth, type HealthInput } from './source-health';

const NOW = new Date('2026-03-10T12:00:00Z');
const minutesAgo = (minutes: number) => new Date(NOW.getTime() - minutes * 60_000);

function input(overrides: Partial<HealthInput> = {}, schedule: Partial<HealthInput['schedule']> = {}): HealthInput {
  return {
    isEnabled: true,
    maxAgeSeconds: null,
    schedule: { isActive: true, pausedAt: null, timing: { intervalSeconds: 3600 }, since: minutesAgo(10_000), ...schedule },
    timeZone: 'Asia/Tehran',
    timeoutSeconds: 600,
    createdAt: minutesAgo(20_000),
    activeRun: null,
    lastSuccessAt: minutesAgo(30),
    lastOutcome: { status: 'success', finishedAt: minutesAgo(30) },
    failingSince: null,
    ...overrides,
  };
}

describe('sourceHealth', () => {
  it('should be fresh until twice the interval has passed since the last success, and say when that ends', () => {
    const { health, changesAt } = sourceHealth(input(), NOW);
    expect(health).toEqual({ state: 'fresh', since: minutesAgo(30).toISOString(), lastSuccessAt: minutesAgo(30).toISOString(), reason: 'within_expected_age' });
    expect(changesAt).toEqual(new Date(minutesAgo(30).getTime() + 2 * 3600_000));
  });

  it('should be late from twice the interval after the last success when no run succeeded since', () => {
    const { health, changesAt } = sourceHealth(input({ lastSuccessAt: minutesAgo(121), lastOutcome: { status: 'success', finishedAt: minutesAgo(121) } }), NOW);
    expect(health.state).toBe('late');
    expect(health.reason).toBe('interval_missed');
    expect(health.since).toBe(minutesAgo(1).toISOString());
    expect(changesAt).toBeNull();
  });

  it('should use an explicit max age instead of the schedule when one is set', () => {
    const late = sourceHealth(input({ maxAgeSeconds: 20 * 60 }), NOW).health;
    expect(late).toMatchObject({ state: 'late', reason: 'max_age_exceeded', since: minutesAgo(10).toISOString() });
    expect(sourceHealth(input({ maxAgeSeconds: 40 * 60 }), NOW).health.state).toBe('fresh');
  });

  it('should be late when a cron slot after the last success passed by more than the time limit', () => {
    // Every day at 08:00 Tehran (04:30 UTC); the last success was the day before yesterday.
    const cron = { timing: { cron: '0 8 * * *' } };
    const lastSuccessAt = new Date('2026-03-08T05:00:00Z');
    const late = sourceHealth(input({ lastSuccessAt, lastOutcome: { status: 'success', finishedAt: lastSuccessAt } }, cron), NOW).health;
    expect(late).toMatchObject({ state: 'late', reason: 'cron_slot_missed', since: '2026-03-09T04:40:00.000Z' });
    const recent = new Date('2026-03-10T05:00:00Z');
    const fresh = sourceHealth(input({ lastSuccessAt: recent, lastOutcome: { status: 'success', finishedAt: recent } }, cron), NOW);
    expect(fresh.health.state).toBe('fresh');
    expect(fresh.changesAt).toEqual(new Date('2026-03-11T04:40:00Z'));
  });

  it('should count a cron schedule from when it was set when that is later than the last success', () => {
    const lastSuccessAt = new Date('2026-01-01T05:00:00Z');
    const health = sourceHealth(input({ lastSuccessAt }, { timing: { cron: '0 8 * * *' }, since: minutesAgo(60) }), NOW).health;
    expect(health.state).toBe('fresh');
  });

  it('should be fresh with no expectation when auto-sync is off and no max age is set', () => {
    const health = sourceHealth(input({ lastSuccessAt: minutesAgo(99_999) }, { isActive: false }), NOW).health;
    expect(health).toMatchObject({ state: 'fresh', reason: 'no_expectation' });
  });

  it('should be failing since the first failure after the last success when the last run failed', () => {
    const health = sourceHealth(input({ lastOutcome: { status: 'failed', finishedAt: minutesAgo(5) }, failingSince: minutesAgo(20) }), NOW).health;
    expect(health).toMatchObject({ state: 'failing', reason: 'last_run_failed', since: minutesAgo(20).toISOString() });
  });

  it('should be running while a run is active, whatever the last run did', () => {
    const health = sourceHealth(input({ activeRun: { startedAt: minutesAgo(1) }, lastOutcome: { status: 'failed', finishedAt: minutesAgo(5) } }), NOW).health;
    expect(health).toMatchObject({ state: 'running', since: minutesAgo(1).toISOString() });
  });

  it('should be paused when auto-sync paused itself, the source is off, or auto-sync is off with a max age set', () => {
    expect(sourceHealth(input({}, { pausedAt: minutesAgo(3) }), NOW).health).toMatchObject({ state: 'paused', reason: 'auto_sync_paused' });
    expect(sourceHealth(input({ isEnabled: false }), NOW).health).toMatchObject({ state: 'paused', reason: 'source_disabled' });
    expect(sourceHealth(input({ maxAgeSeconds: 60 }, { isActive: false }), NOW).health).toMatchObject({ state: 'paused', reason: 'auto_sync_off' });
  });

  it('should be never when no run succeeded yet, and failing when the only runs failed', () => {
    const never = sourceHealth(input({ lastSuccessAt: null, lastOutcome: null }), NOW).health;
    expect(never).toEqual({ state: 'never', since: minutesAgo(20_000).toISOString(), lastSuccessAt: null, reason: 'no_success' });
    const failing = sourceHealth(input({ lastSuccessAt: null, lastOutcome: { status: 'failed', finishedAt: minutesAgo(2) } }), NOW).health;
    expect(failing.state).toBe('failing');
  });
});
