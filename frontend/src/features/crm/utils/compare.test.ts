import { describe, expect, it } from 'vitest';
import { compareVersions } from './compare';

describe('compareVersions', () => {
  it('should list every field of either side and mark only the ones our change sets differently', () => {
    expect(compareVersions({ student_number: '40511110001', stage: 'applicant' }, { stage: 'applicant', owner: 'نرگس', student_number: null })).toEqual([
      { field: 'student_number', local: '40511110001', server: null, isChanged: true, differs: true },
      { field: 'stage', local: 'applicant', server: 'applicant', isChanged: true, differs: false },
      { field: 'owner', local: null, server: 'نرگس', isChanged: false, differs: false },
    ]);
  });

  it('should treat an empty string and a missing value alike', () => {
    expect(compareVersions({ owner: '' }, { owner: null })).toEqual([{ field: 'owner', local: null, server: null, isChanged: true, differs: false }]);
  });
});
