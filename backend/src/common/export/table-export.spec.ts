import { csvCell } from './table-export';

describe('csvCell', () => {
  it.each(['=1+2', '+1', '-1+2', '@SUM(A1)', '\t=1', '\r=1'])('should put a single quote before %j when text starts like a formula', (text) => {
    expect(csvCell(text)).toBe(`'${text}`);
  });

  it('should keep numbers, negative ones included, and ordinary text as they are', () => {
    expect(csvCell(-5)).toBe(-5);
    expect(csvCell(0)).toBe(0);
    expect(csvCell('gateway answered 503')).toBe('gateway answered 503');
    expect(csvCell('2026-11-24T12:00:00.000Z')).toBe('2026-11-24T12:00:00.000Z');
    expect(csvCell('a = b')).toBe('a = b');
  });

  it('should write an empty cell when the value is null', () => {
    expect(csvCell(null)).toBe('');
  });
});
