import { metricsAccess, type MetricsRequest } from './metrics-access';

const TOKEN = 'scrape-token-0123456789';
const local: MetricsRequest = { authorization: undefined, socketAddress: '127.0.0.1', isForwarded: false };

describe('metricsAccess', () => {
  it('should let the right Bearer token in from anywhere when a token is set', () => {
    expect(metricsAccess({ ...local, socketAddress: '10.1.2.3', authorization: `Bearer ${TOKEN}` }, TOKEN)).toBe(200);
  });

  it.each([
    ['no header', undefined],
    ['a wrong token', 'Bearer scrape-token-0123456780'],
    ['a longer token', `Bearer ${TOKEN}x`],
    ['another scheme', `Basic ${TOKEN}`],
  ])('should answer 401 when a token is set and the request has %s, even from loopback', (_label, authorization) => {
    expect(metricsAccess({ ...local, authorization }, TOKEN)).toBe(401);
  });

  it('should serve loopback clients without a token when none is set, and refuse others and proxied requests', () => {
    expect(metricsAccess(local, null)).toBe(200);
    expect(metricsAccess({ ...local, socketAddress: '::1' }, null)).toBe(200);
    expect(metricsAccess({ ...local, socketAddress: '::ffff:127.0.0.1' }, null)).toBe(200);
    expect(metricsAccess({ ...local, socketAddress: '192.168.1.5' }, null)).toBe(403);
    expect(metricsAccess({ ...local, socketAddress: '::ffff:10.0.0.1' }, null)).toBe(403);
    expect(metricsAccess({ ...local, isForwarded: true }, null)).toBe(403);
  });
});
