import { maskSecrets, redactForAudit, secretVariants } from './redact';

describe('audit redaction', () => {
  it('should show secret fields as changed when a body is recorded', () => {
    expect(redactForAudit({ connection: { password: 'x', baseUrl: 'http://a' }, apiToken: 'y', enabled: true })).toEqual({
      connection: { password: 'changed', baseUrl: 'http://a' },
      apiToken: 'changed',
      enabled: true,
    });
  });
});

describe('maskSecrets', () => {
  const password = 'p@ss w/rd';

  it.each([
    ['as typed', `login failed for ${password}`],
    ['percent-encoded in a URL (encodeURIComponent)', `GET /login?password=${encodeURIComponent(password)}&x=1`],
    ['form-encoded in a body (URLSearchParams)', `body: ${new URLSearchParams({ username: 'sync', password }).toString()}`],
    ['encoded with lower-case hex', 'password=p%40ss%20w%2frd'],
    ['form-encoded with lower-case hex', 'password=p%40ss+w%2frd'],
    ['encoded as a whole URL (encodeURI)', `http://h/${encodeURI(password)}`],
  ])('should mask the secret when it appears %s', (_how, text) => {
    const masked = maskSecrets(text, [password]);

    expect(masked).toContain('***');
    for (const variant of secretVariants(password)) expect(masked).not.toContain(variant);
    expect(masked).not.toMatch(/p(@|%40)ss/i);
  });

  it('should leave text alone when it holds no secret', () => {
    expect(maskSecrets('page 2: 14 records', [password, ''])).toBe('page 2: 14 records');
  });
});
