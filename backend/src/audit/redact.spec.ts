import { diffSettings, redactForAudit } from './redact';

describe('audit redaction', () => {
  it('should show secret fields as changed when a body is recorded', () => {
    expect(redactForAudit({ connection: { password: 'x', baseUrl: 'http://a' }, apiToken: 'y', enabled: true })).toEqual({
      connection: { password: 'changed', baseUrl: 'http://a' },
      apiToken: 'changed',
      enabled: true,
    });
  });

  it('should list only the fields that differ when two settings are compared', () => {
    expect(diffSettings({ a: 1, b: { c: 'x', d: [1] } }, { a: 1, b: { c: 'y', d: [1] }, e: true })).toEqual({
      'b.c': { before: 'x', after: 'y' },
      e: { before: null, after: true },
    });
  });
});
