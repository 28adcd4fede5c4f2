import { orderCalls } from './students.sync';

describe('orderCalls', () => {
  const campuses = ['1110', '1120', '1210'].map((code) => ({ code, name: code }));

  it('should take campuses in groups of the concurrency, newest term first, the group taking turns', () => {
    const order = orderCalls(campuses, ['4052', '4051'], 2).map((call) => `${call.campus.code}/${call.term}#${call.campusIndex}`);

    expect(order).toEqual(['1110/4052#0', '1120/4052#1', '1110/4051#0', '1120/4051#1', '1210/4052#2', '1210/4051#2']);
  });

  it('should make one call per campus and term whatever the concurrency', () => {
    for (const concurrency of [1, 2, 4, 16]) expect(orderCalls(campuses, ['4053', '4052', '4051'], concurrency)).toHaveLength(9);
  });
});
