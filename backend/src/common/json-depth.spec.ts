import { isNestedDeeperThan } from './json-depth';

const nested = (levels: number) => '['.repeat(levels) + ']'.repeat(levels);

describe('isNestedDeeperThan', () => {
  it('should count objects and arrays alike when they nest', () => {
    expect(isNestedDeeperThan(Buffer.from('{"a":[{"b":[1]}]}'), 4)).toBe(false);
    expect(isNestedDeeperThan(Buffer.from('{"a":[{"b":[1]}]}'), 3)).toBe(true);
    expect(isNestedDeeperThan(Buffer.from(nested(2000)), 32)).toBe(true);
  });

  it('should not count brackets when they are inside strings, escaped quotes included', () => {
    expect(isNestedDeeperThan(Buffer.from(JSON.stringify({ text: nested(100), quoted: '\\"[[[[', persian: 'کد [ملی]' })), 1)).toBe(false);
  });

  it('should measure the depth again after siblings close when objects follow each other', () => {
    expect(isNestedDeeperThan(Buffer.from(JSON.stringify([[1], [2], [[3]]])), 3)).toBe(false);
  });
});
