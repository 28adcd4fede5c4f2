import { createHmac } from 'node:crypto';
import { alertMessage, alertUrl } from './alert-message';
import { signatureOf } from './webhook.sender';

describe('alert messages', () => {
  it('should say in Persian which source failed, how often in a row and why', () => {
    expect(alertMessage({ event: 'run.failed', sourceId: 'faculty', errorKind: 'network' })).toBe('همگام: اجرای منبع «faculty» ناموفق بود (خطای شبکه).');
    expect(alertMessage({ event: 'run.failed', sourceId: 'faculty', count: 3 })).toContain('۳ اجرای پیاپی');
  });

  it('should keep every message short enough for two SMS parts', () => {
    for (const event of ['run.failed', 'source.late', 'source.recovered', 'schedule.paused', 'run.long', 'test'] as const) {
      expect(alertMessage({ event, sourceId: 'legacy-faculty', count: 120, errorKind: 'upstream', isReminder: true }).length).toBeLessThanOrEqual(134);
    }
  });

  it('should link a run’s page when there is a run, else the dashboard', () => {
    expect(alertUrl('https://hamgam.uni.ac.ir', { event: 'run.failed', sourceId: 'faculty', runId: 12 })).toBe('https://hamgam.uni.ac.ir/runs/12');
    expect(alertUrl('https://hamgam.uni.ac.ir', { event: 'source.late', sourceId: 'faculty' })).toBe('https://hamgam.uni.ac.ir/');
  });
});

describe('signatureOf', () => {
  it('should be sha256= and the hex HMAC-SHA256 of the raw body', () => {
    const body = '{"event":"test"}';
    expect(signatureOf(body, 'secret')).toBe(`sha256=${createHmac('sha256', 'secret').update(body).digest('hex')}`);
    expect(signatureOf(body, 'secret')).not.toBe(signatureOf(`${body} `, 'secret'));
  });
});
