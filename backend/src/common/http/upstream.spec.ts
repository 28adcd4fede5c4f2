import { isAllowedUpstream } from './upstream';

describe('isAllowedUpstream', () => {
  const hosts = ['gw.example.ac.ir', 'lms.example.ac.ir:8443', '127.0.0.1:3101', '[::1]:3102'];

  it.each([
    ['any port of a host listed without one', 'https://gw.example.ac.ir:9000/Login'],
    ['the default port of a listed https host:port', 'https://lms.example.ac.ir:8443/webservice'],
    ['a host written in capitals', 'https://GW.Example.ac.ir/'],
    ['a listed IPv6 host:port', 'http://[::1]:3102/'],
    ['a listed IP and port', 'http://127.0.0.1:3101'],
  ])('should allow %s when the list has it', (_label, url) => {
    expect(isAllowedUpstream(url, hosts)).toBe(true);
  });

  it.each([
    ['another port of a host:port', 'http://127.0.0.1:3102'],
    ['the default port when only :8443 is listed', 'https://lms.example.ac.ir/'],
    ['a sub-domain of a listed host', 'https://evil.gw.example.ac.ir/'],
    ['another name for a listed address', 'http://localhost:3101'],
    ['a URL that does not parse', 'not a url'],
  ])('should refuse %s when the list does not have it', (_label, url) => {
    expect(isAllowedUpstream(url, hosts)).toBe(false);
  });

  it('should allow every host when no list is set', () => {
    expect(isAllowedUpstream('http://10.0.0.1:22', null)).toBe(true);
  });
});
