import { deletionGuardOf, exceedsDeletionGuard } from './deletion-guard';

describe('exceedsDeletionGuard', () => {
  it('should hold deletions when they pass the percent of live records', () => {
    const guard = deletionGuardOf(null);
    expect(exceedsDeletionGuard(guard, 10, 100)).toBe(false);
    expect(exceedsDeletionGuard(guard, 11, 100)).toBe(true);
    expect(exceedsDeletionGuard(guard, 20, 100)).toBe(true);
  });

  it('should hold deletions when they pass the count limit, whatever the percent', () => {
    const guard = deletionGuardOf({ maxPercent: null, maxCount: 5 });
    expect(exceedsDeletionGuard(guard, 5, 10)).toBe(false);
    expect(exceedsDeletionGuard(guard, 6, 1000)).toBe(true);
  });

  it('should let everything through when both limits are off or there is no guard', () => {
    expect(exceedsDeletionGuard(deletionGuardOf({ maxPercent: null, maxCount: null }), 90, 100)).toBe(false);
    expect(exceedsDeletionGuard(null, 90, 100)).toBe(false);
  });

  it('should never hold a run that deletes nothing', () => {
    expect(exceedsDeletionGuard(deletionGuardOf({ maxPercent: 0, maxCount: 0 }), 0, 100)).toBe(false);
  });

  it('should keep stored keys and default the rest', () => {
    expect(deletionGuardOf({ maxCount: 50 })).toEqual({ maxPercent: 10, maxCount: 50 });
  });
});
