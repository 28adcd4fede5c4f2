import { nextAttemptAt, MAX_TRIES } from '../delivery/retry-plan';
import { isFailureAlertDue, isRecoveryFor, isReminderDue, isRunLong } from './alert-rules';

const now = new Date('2026-12-06T10:00:00.000Z');
const minutesAgo = (minutes: number) => new Date(now.getTime() - minutes * 60_000);

describe('alert rules', () => {
  it('should alert a failure once the run in a row reaches the channel’s count', () => {
    expect(isFailureAlertDue(1, 1)).toBe(true);
    expect(isFailureAlertDue(2, 3)).toBe(false);
    expect(isFailureAlertDue(3, 3)).toBe(true);
  });

  it('should send a recovery to a channel told of the incident, or one that hears recoveries only', () => {
    expect(isRecoveryFor(['run.failed', 'source.recovered'], true)).toBe(true);
    expect(isRecoveryFor(['run.failed', 'source.recovered'], false)).toBe(false);
    expect(isRecoveryFor(['source.recovered'], false)).toBe(true);
  });

  it('should remind only after the channel’s interval since its last alert', () => {
    expect(isReminderDue(minutesAgo(59), 60, now)).toBe(false);
    expect(isReminderDue(minutesAgo(60), 60, now)).toBe(true);
    expect(isReminderDue(minutesAgo(600), null, now)).toBe(false);
    expect(isReminderDue(null, 60, now)).toBe(false);
  });

  it('should call a run long past the channel’s duration, else the server’s', () => {
    expect(isRunLong(minutesAgo(30), 20, 120, now)).toBe(true);
    expect(isRunLong(minutesAgo(30), null, 120, now)).toBe(false);
    expect(isRunLong(minutesAgo(121), null, 120, now)).toBe(true);
  });
});

describe('nextAttemptAt', () => {
  it('should wait base, 3×, 9×, 27× base and stop after the fifth try', () => {
    const waits = [1, 2, 3, 4].map((attempts) => (nextAttemptAt(attempts, true, 100, now)?.getTime() ?? 0) - now.getTime());
    expect(waits).toEqual([100, 300, 900, 2700]);
    expect(nextAttemptAt(MAX_TRIES, true, 100, now)).toBeNull();
  });

  it('should not retry a final refusal', () => {
    expect(nextAttemptAt(1, false, 100, now)).toBeNull();
  });
});
