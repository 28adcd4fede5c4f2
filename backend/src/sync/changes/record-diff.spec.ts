import { diffRecord } from './record-diff';

describe('diffRecord', () => {
  const fields = ['firstName', 'lastName', 'mobile', 'grade'];

  it('should list only the fields whose value changed, old then new', () => {
    const diff = diffRecord({ firstName: 'علی', lastName: 'کریمی', mobile: null }, { firstName: 'علی', lastName: 'رضایی', mobile: null }, fields);
    expect(diff).toEqual({ lastName: ['کریمی', 'رضایی'] });
  });

  it('should treat a value that appears or disappears as a change, and undefined as null', () => {
    expect(diffRecord({ firstName: null }, { firstName: 'علی' }, fields)).toEqual({ firstName: [null, 'علی'] });
    expect(diffRecord({ lastName: 'کریمی' }, { lastName: null }, fields)).toEqual({ lastName: ['کریمی', null] });
    expect(diffRecord({}, { firstName: null }, fields)).toEqual({});
  });

  it('should compare numbers as their text', () => {
    expect(diffRecord({ grade: 17 }, { grade: '17' }, fields)).toEqual({});
    expect(diffRecord({ grade: 17 }, { grade: '18' }, fields)).toEqual({ grade: ['17', '18'] });
  });

  it('should mark a changed sensitive field without its values, and leave an unchanged one out', () => {
    const sensitive = new Set(['mobile']);
    const changed = diffRecord({ mobile: '09121111111', lastName: 'a' }, { mobile: '09122222222', lastName: 'a' }, fields, sensitive);
    expect(changed).toEqual({ mobile: 0 });
    expect(JSON.stringify(changed)).not.toMatch(/0912/);
    expect(diffRecord({ mobile: '09121111111' }, { mobile: '09121111111' }, fields, sensitive)).toEqual({});
  });

  it('should ignore fields it is not asked to compare', () => {
    expect(diffRecord({ hash: 'a' }, { hash: 'b' }, fields)).toEqual({});
  });
});
