import { rowsAsJson } from './insert-rows';

describe('rowsAsJson', () => {
  it('should write rows as JSON arrays, bigints as digits', () => {
    expect(JSON.parse(rowsAsJson([['a', 1, null, true, 9007199254740993n]]))).toEqual([['a', 1, null, true, '9007199254740993']]);
  });

  it('should write a lone surrogate as U+FFFD and leave paired ones and escaped backslashes alone', () => {
    const json = rowsAsJson([['x\ud800y', '😀', 'back\\ud800slash', '\\\ud83d']]);
    expect(JSON.parse(json)).toEqual([['x\ufffdy', '😀', 'back\\ud800slash', '\\\ufffd']]);
  });
});
