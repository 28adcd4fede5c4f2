import Database from 'better-sqlite3';
import { containsPattern, foldForSearch, foldSqlExpression } from './search-text';

describe('foldForSearch', () => {
  it('should give the same text when the user types Arabic yeh and kaf or Persian ones', () => {
    expect(foldForSearch('علي كريمي')).toBe(foldForSearch('علی کریمی'));
    expect(foldForSearch('علي كريمي')).toBe('علیکریمی');
  });

  it('should ignore spaces, ZWNJ, heh and alef forms and digit scripts when the text differs only in those', () => {
    expect(foldForSearch('محمد رضا')).toBe(foldForSearch('محمد\u200cرضا'));
    expect(foldForSearch('آزاده')).toBe(foldForSearch('ازاده'));
    expect(foldForSearch('۴۰۱۱ ٠١٢')).toBe('4011012');
    expect(foldForSearch(' Ali.KARIMI ')).toBe('ali.karimi');
  });
});

describe('foldSqlExpression', () => {
  it('should fold stored text in SQL exactly as foldForSearch folds it in JavaScript', () => {
    const db = new Database(':memory:');
    const fold = db.prepare<[string], { folded: string }>(`SELECT ${foldSqlExpression('?')} AS folded`);
    for (const text of ['محمد\u200cرضا کریمی', 'آزاده ۀ ة', 'Ali KARIMI', 'أحمد إمامی']) {
      expect(fold.get(text)!.folded).toBe(foldForSearch(text));
    }
    db.close();
  });
});

describe('containsPattern', () => {
  it('should escape LIKE wildcards when the query contains them', () => {
    expect(containsPattern('50%_a\\')).toBe('%50\\%\\_a\\\\%');
  });
});
