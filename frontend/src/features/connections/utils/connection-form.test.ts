import { describe, expect, it } from 'vitest';
import { checkConnectionForm, toConnectionFormValues, toConnectionUpdate, toTestedConnection } from './connection-form';

const stored = { baseUrl: 'https://lms.example.ac.ir', username: '', hasPassword: false, hasToken: true };
const initial = toConnectionFormValues(stored);

describe('connection form', () => {
  it('should start with empty secrets whatever is stored', () => {
    expect(initial).toEqual({ baseUrl: 'https://lms.example.ac.ir', username: '', password: '', token: '', removePassword: false, removeToken: false });
  });

  it('should send only what changed, trimmed, when the form is saved', () => {
    expect(toConnectionUpdate(initial, initial)).toEqual({});
    expect(toConnectionUpdate({ ...initial, baseUrl: ' https://moodle.example.ac.ir ', username: ' sync ' }, initial)).toEqual({
      baseUrl: 'https://moodle.example.ac.ir',
      username: 'sync',
    });
  });

  it('should replace a secret when one is typed and remove it with an empty string only when asked', () => {
    expect(toConnectionUpdate({ ...initial, token: 'new-token' }, initial)).toEqual({ token: 'new-token' });
    expect(toConnectionUpdate({ ...initial, removeToken: true }, initial)).toEqual({ token: '' });
    expect(toConnectionUpdate({ ...initial, removePassword: true, password: 'typed' }, initial)).toEqual({ password: 'typed' });
  });

  it('should test what is typed and leave untyped secrets to the server', () => {
    expect(toTestedConnection(initial)).toEqual({ baseUrl: 'https://lms.example.ac.ir', username: '' });
    expect(toTestedConnection({ ...initial, token: 't', password: 'p' })).toEqual({ baseUrl: 'https://lms.example.ac.ir', username: '', token: 't', password: 'p' });
  });

  it('should test without the stored token when it is being removed', () => {
    expect(toTestedConnection({ ...initial, removeToken: true })).toEqual({ baseUrl: 'https://lms.example.ac.ir', username: '', token: '' });
    expect(toTestedConnection({ ...initial, removeToken: true, token: 'typed' })).toEqual({ baseUrl: 'https://lms.example.ac.ir', username: '', token: 'typed' });
  });

  it('should refuse an empty address or one that is not http(s)', () => {
    expect(checkConnectionForm({ ...initial, baseUrl: '  ' }, initial, stored)).toEqual({ 'connection.baseUrl': ['baseUrlRequired'] });
    expect(checkConnectionForm({ ...initial, baseUrl: 'ftp://lms.example.ac.ir' }, initial, stored)).toEqual({ 'connection.baseUrl': ['baseUrlInvalid'] });
    expect(checkConnectionForm({ ...initial, baseUrl: 'lms.example.ac.ir' }, initial, stored)).toEqual({ 'connection.baseUrl': ['baseUrlInvalid'] });
    expect(checkConnectionForm({ ...initial, baseUrl: 'http://127.0.0.1:3102', token: 'typed' }, initial, stored)).toEqual({});
  });

  it('should ask for each stored secret again when the address changes and it is neither typed nor removed', () => {
    const both = { hasPassword: true, hasToken: true };
    const moved = { ...initial, baseUrl: 'https://elsewhere.example.ac.ir' };

    expect(checkConnectionForm(moved, initial, both)).toEqual({ 'connection.password': ['passwordAgain'], 'connection.token': ['tokenAgain'] });
    expect(checkConnectionForm({ ...moved, password: 'typed', removeToken: true }, initial, both)).toEqual({});
    expect(checkConnectionForm({ ...initial, baseUrl: 'https://lms.example.ac.ir/' }, initial, both)).toEqual({});
  });
});
