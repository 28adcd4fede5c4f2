import { describe, expect, it } from 'vitest';
import type { ConnectionFieldInfo } from '@hamgam/shared';
import { checkConnectionForm, toConnectionFormValues, toConnectionUpdate, toTestedConnection, type ConnectionFormValues } from './connection-form';

const FIELDS: ConnectionFieldInfo[] = [
  { name: 'baseUrl', kind: 'url', isRequired: true, isNeededForTest: false },
  { name: 'username', kind: 'text', isRequired: false, isNeededForTest: false },
  { name: 'password', kind: 'secret', isRequired: false, isNeededForTest: false },
  { name: 'token', kind: 'secret', isRequired: false, isNeededForTest: false },
];
const stored = { baseUrl: 'https://lms.example.ac.ir', username: '', hasPassword: false, hasToken: true };
const initial = toConnectionFormValues(FIELDS, stored);
const typed = (values: Record<string, string>, removed: Record<string, boolean> = {}): ConnectionFormValues => ({
  values: { ...initial.values, ...values },
  removed,
});

describe('connection form', () => {
  it('should start with empty secrets whatever is stored', () => {
    expect(initial).toEqual({ values: { baseUrl: 'https://lms.example.ac.ir', username: '', password: '', token: '' }, removed: {} });
  });

  it('should send only what changed, trimmed, when the form is saved', () => {
    expect(toConnectionUpdate(FIELDS, initial, initial)).toEqual({});
    expect(toConnectionUpdate(FIELDS, typed({ baseUrl: ' https://moodle.example.ac.ir ', username: ' sync ' }), initial)).toEqual({
      baseUrl: 'https://moodle.example.ac.ir',
      username: 'sync',
    });
  });

  it('should replace a secret when one is typed and remove it with an empty string only when asked', () => {
    expect(toConnectionUpdate(FIELDS, typed({ token: 'new-token' }), initial)).toEqual({ token: 'new-token' });
    expect(toConnectionUpdate(FIELDS, typed({}, { token: true }), initial)).toEqual({ token: '' });
    expect(toConnectionUpdate(FIELDS, typed({ password: 'typed' }, { password: true }), initial)).toEqual({ password: 'typed' });
  });

  it('should test what is typed and leave untyped secrets to the server', () => {
    expect(toTestedConnection(FIELDS, initial)).toEqual({ baseUrl: 'https://lms.example.ac.ir', username: '' });
    expect(toTestedConnection(FIELDS, typed({ token: 't', password: 'p' }))).toEqual({
      baseUrl: 'https://lms.example.ac.ir',
      username: '',
      token: 't',
      password: 'p',
    });
  });

  it('should test without the stored token when it is being removed', () => {
    expect(toTestedConnection(FIELDS, typed({}, { token: true }))).toEqual({ baseUrl: 'https://lms.example.ac.ir', username: '', token: '' });
  });

  it('should refuse an empty address or one that is not http(s)', () => {
    expect(checkConnectionForm(FIELDS, typed({ baseUrl: '  ' }), initial, stored)).toEqual({ 'connection.baseUrl': ['baseUrlRequired'] });
    expect(checkConnectionForm(FIELDS, typed({ baseUrl: 'ftp://lms.example.ac.ir' }), initial, stored)).toEqual({ 'connection.baseUrl': ['baseUrlInvalid'] });
    expect(checkConnectionForm(FIELDS, typed({ baseUrl: 'http://127.0.0.1:3102', token: 'typed' }), initial, stored)).toEqual({});
  });

  it('should ask for each stored secret again, a declared one of any name too, when the address changes', () => {
    const fields: ConnectionFieldInfo[] = [...FIELDS, { name: 'apiKey', kind: 'secret', isRequired: true, isNeededForTest: true }];
    const both = { ...stored, hasPassword: true, hasApiKey: true };
    const start = toConnectionFormValues(fields, both);
    const moved: ConnectionFormValues = { values: { ...start.values, baseUrl: 'https://elsewhere.example.ac.ir' }, removed: {} };

    expect(checkConnectionForm(fields, moved, start, both)).toEqual({
      'connection.password': ['secretAgain'],
      'connection.token': ['secretAgain'],
      'connection.apiKey': ['secretAgain'],
    });
    expect(checkConnectionForm(fields, { values: { ...moved.values, password: 'typed', apiKey: 'k' }, removed: { token: true } }, start, both)).toEqual({});
  });
});
