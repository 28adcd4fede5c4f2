import { diffSettings } from './settings-diff';

describe('diffSettings', () => {
  it('should list only the fields that differ, by dotted path, when two snapshots are compared', () => {
    expect(diffSettings({ a: 1, b: { c: 'x', d: [1] } }, { a: 1, b: { c: 'y', d: [1] }, e: true })).toEqual({
      'b.c': { before: 'x', after: 'y' },
      e: { before: null, after: true },
    });
  });

  it('should answer nothing when the snapshots are equal', () => {
    const snapshot = { enabled: true, autoSync: { every: 6, quietWindow: { start: null, days: [] } }, options: { campuses: [{ code: '1', name: 'الف' }] } };
    expect(diffSettings(snapshot, structuredClone(snapshot))).toEqual({});
  });

  it('should treat a missing field and null as the same when a field is absent on one side', () => {
    expect(diffSettings({ cron: null }, {})).toEqual({});
  });

  it('should record the items added and removed when a list changes', () => {
    const before = {
      options: {
        campuses: [
          { code: '1', name: 'تهران' },
          { code: '2', name: 'کرج' },
        ],
      },
    };
    const after = {
      options: {
        campuses: [
          { code: '2', name: 'کرج' },
          { code: '3', name: 'قم' },
        ],
      },
    };
    expect(diffSettings(before, after)).toEqual({ 'options.campuses': { added: [{ code: '3', name: 'قم' }], removed: [{ code: '1', name: 'تهران' }] } });
  });

  it('should record before and after when a list only changes its order', () => {
    expect(diffSettings({ days: [1, 2] }, { days: [2, 1] })).toEqual({ days: { before: [1, 2], after: [2, 1] } });
  });

  it('should record a list set from nothing as before and after when one side is not a list', () => {
    expect(diffSettings({ days: null }, { days: [6] })).toEqual({ days: { before: null, after: [6] } });
  });

  it('should record a secret only as changed, never its value, when a secret path differs', () => {
    const changes = diffSettings({ connection: { password: 'v1:old' } }, { connection: { password: 'v1:new' } }, ['connection.password']);
    expect(changes).toEqual({ 'connection.password': 'changed' });
    expect(JSON.stringify(changes)).not.toMatch(/v1:/);
  });

  it('should record a secret set or removed as changed when one side has none', () => {
    expect(diffSettings({ connection: { token: null } }, { connection: { token: 'v1:x' } }, ['connection.token'])).toEqual({ 'connection.token': 'changed' });
    expect(diffSettings({ connection: { token: 'v1:x' } }, { connection: {} }, ['connection.token'])).toEqual({ 'connection.token': 'changed' });
  });

  it('should record nothing for a secret when it is unchanged', () => {
    expect(diffSettings({ connection: { token: 'v1:x' } }, { connection: { token: 'v1:x' } }, ['connection.token'])).toEqual({});
  });
});
