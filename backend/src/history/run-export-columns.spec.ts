import type { SyncRun } from '@hamgam/shared';
import { runExportColumns } from './run-history.controller';

const run = (overrides: Partial<SyncRun>): SyncRun => ({
  id: '7',
  sourceId: 'faculty',
  trigger: 'manual',
  triggeredBy: 'admin',
  status: 'success',
  mode: null,
  reason: null,
  cancelledBy: null,
  cancelReason: null,
  stage: 'completed',
  percent: 100,
  messageKey: null,
  messageParams: null,
  createdAt: '2026-11-24T12:00:00.000Z',
  startedAt: '2026-11-24T12:00:01.000Z',
  finishedAt: '2026-11-24T12:01:00.000Z',
  durationMs: 59_000,
  counts: { fetched: 40, inserted: 30, updated: 0, unchanged: 0, deleted: 0, rejected: 10 },
  errorKind: null,
  errorMessage: null,
  retries: 0,
  dryRun: false,
  heldDeletions: 0,
  deletionDecision: null,
  ...overrides,
});

function exported(lang: 'fa' | 'en', row: SyncRun): Record<string, string | number | null> {
  const columns = runExportColumns('Asia/Tehran', lang, (id) => id);
  return Object.fromEntries(columns.map((column) => [column.header, column.value(row)]));
}

describe('runExportColumns', () => {
  const cancelled = run({ status: 'cancelled', errorKind: 'cancelled', errorMessage: 'cancelled by sara', cancelledBy: 'sara', cancelReason: 'wrong term' });

  it('should export a cancelled run with its status, who cancelled it and why, and no error kind or message, in English', () => {
    expect(exported('en', cancelled)).toMatchObject({
      Status: 'Cancelled',
      'Error kind': null,
      'Error message': null,
      'Cancelled by': 'sara',
      'Cancel reason': 'wrong term',
      Fetched: 40,
    });
  });

  it('should export a cancelled run without an error kind in Persian, and keep the kind of a failed run', () => {
    expect(exported('fa', cancelled)).toMatchObject({ وضعیت: 'لغوشده', 'نوع خطا': null, 'لغو توسط': 'sara' });
    const failed = exported('en', run({ status: 'failed', errorKind: 'upstream', errorMessage: 'gateway answered 503' }));
    expect(failed).toMatchObject({ Status: 'Failed', 'Error message': 'gateway answered 503' });
    expect(failed['Error kind']).toEqual(expect.any(String));
    expect(failed['Error kind']).not.toBe('');
  });

  it('should mark a dry run and the deletions a run held in both languages', () => {
    expect(exported('en', run({ dryRun: true }))).toMatchObject({ 'Dry run': 'dry run', 'Deletions held for approval': 0 });
    expect(exported('en', run({}))).toMatchObject({ 'Dry run': null });
    expect(exported('fa', run({ status: 'awaiting_approval', heldDeletions: 12 }))).toMatchObject({
      وضعیت: 'در انتظار تأیید حذف',
      'حذف‌های در انتظار تأیید': 12,
    });
  });
});
