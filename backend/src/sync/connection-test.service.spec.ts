import { mergeConnection as merge } from './connection-test.service';
import type { ConnectionField } from './settings/source-settings';

const FIELDS: ConnectionField[] = [
  { name: 'baseUrl', kind: 'url', isRequired: true },
  { name: 'username', kind: 'text', isRequired: false },
  { name: 'password', kind: 'secret', isRequired: false },
  { name: 'token', kind: 'secret', isRequired: false },
];
const mergeConnection = (kept: Parameters<typeof merge>[1], sent: Record<string, string>) => merge(FIELDS, kept, sent);

const stored = { baseUrl: 'https://lms.example.ac.ir', username: 'sync', password: 'stored-pw', token: 'stored-token' };

describe('mergeConnection', () => {
  it('should fall back to every stored field when nothing is sent', () => {
    expect(mergeConnection(stored, {})).toEqual(stored);
  });

  it('should prefer sent fields and keep stored secrets when the address is the stored one', () => {
    expect(mergeConnection(stored, { baseUrl: 'https://lms.example.ac.ir', token: 'typed' })).toEqual({ ...stored, token: 'typed' });
  });

  it('should test without a stored secret when an empty one is sent', () => {
    expect(mergeConnection(stored, { token: '' })).toEqual({ ...stored, token: '' });
    expect(mergeConnection(stored, { password: '', token: '' })).toEqual({ ...stored, password: '', token: '' });
  });

  it('should drop stored secrets when the base URL changes', () => {
    expect(mergeConnection(stored, { baseUrl: 'https://elsewhere.example' })).toEqual({
      baseUrl: 'https://elsewhere.example',
      username: 'sync',
      password: '',
      token: '',
    });
  });

  it('should give no connection when no base URL is known', () => {
    expect(mergeConnection(null, { token: 'typed' })).toBeNull();
  });
});
