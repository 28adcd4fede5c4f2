import { isWorkerMessage } from './is-worker-message';

describe('isWorkerMessage', () => {
  it('should accept rejected records with a code, parameters, a term and a table', () => {
    const items = [
      { key: '4031110001', code: 'invalid_national_code', params: { value: '123', position: 4 }, term: '4031', table: 'students' },
      { key: 'page 1 #2', code: 'not_an_object' },
    ];
    expect(isWorkerMessage({ type: 'rejected', items })).toBe(true);
  });

  it.each([
    [{ key: 'k', reason: 'text only' }],
    [{ key: 'k', code: 'Not A Code' }],
    [{ key: 'k', code: 'bad', params: { value: { nested: true } } }],
    [{ key: 'k', code: 'bad', params: ['a'] }],
    [{ key: 'k', code: 'bad', term: 4031 }],
    [{ key: 1, code: 'bad' }],
  ])('should refuse a rejected record %j that does not fit the shape', (item) => {
    expect(isWorkerMessage({ type: 'rejected', items: [item] })).toBe(false);
  });
});
