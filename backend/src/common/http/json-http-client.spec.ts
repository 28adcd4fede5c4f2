import { SyncError } from '../sync-error';
import { describeUrl, redactSecrets } from './json-http-client';

describe('describeUrl', () => {
  it('should leave out the query string when the URL carries a token there', () => {
    expect(describeUrl('https://gw.example.ac.ir:8443/API/Golestan/Faculty?token=abc')).toBe('POST https://gw.example.ac.ir:8443/API/Golestan/Faculty');
  });

  it('should refuse the URL without repeating it when it carries a user name and password', () => {
    expect(() => describeUrl('https://user:pa55@gw.example.ac.ir/Login')).toThrow('the base URL must not contain a user name or password');
  });

  it('should throw a network SyncError when the URL is not valid', () => {
    expect(() => describeUrl('not a url')).toThrow(SyncError);
  });
});

describe('redactSecrets', () => {
  it('should hide the given secrets when an upstream body echoes them', () => {
    expect(redactSecrets('bad login for hunter2!', ['hunter2'])).toBe('bad login for ***!');
  });

  it('should hide password and token values when the body is JSON', () => {
    expect(redactSecrets('{"userName":"a","password":"x1","data":{"token":"t0k"}}', [])).toBe('{"userName":"a","password":"***","data":{"token":"***"}}');
  });

  it('should hide bearer tokens when a header is quoted', () => {
    expect(redactSecrets('Authorization: Bearer abc.def-ghi', [])).toBe('Authorization: Bearer ***');
  });
});
