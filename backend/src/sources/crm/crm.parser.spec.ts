import { SyncError } from '../../common/sync-error';
import { parseChange, parseFeedPage, parseSyncStats } from './crm.parser';
import { resumeSince } from './crm.sync';

const change = (overrides: Record<string, unknown> = {}) => ({
  table_name: 'contacts',
  record_id: 'c-1',
  data: { id: 'c-1', full_name: ' علي  رضايي ', national_code: '۰۰۱۲۳۴۵۶۷۹', mobile: '+98 912 123 4567', stage: 'lead', student_number: '۴۰۳۱۱۱۱۰۰۱' },
  server_updated_at: '2025-12-07T11:00:00Z',
  is_deleted: false,
  ...overrides,
});

describe('crm parser', () => {
  it('should clean a contact and normalise its time when the change is valid', () => {
    expect(parseChange(change(), 0)).toEqual({
      table: 'contacts',
      id: 'c-1',
      serverUpdatedAt: '2025-12-07T11:00:00.000Z',
      isDeleted: false,
      record: {
        id: 'c-1',
        fullName: 'علی رضایی',
        nationalCode: '0012345679',
        mobile: '09121234567',
        email: null,
        stage: 'lead',
        owner: null,
        studentNumber: '4031111001',
      },
    });
  });

  it('should accept a tombstone that carries only the id when the change is a delete', () => {
    expect(parseChange(change({ data: { id: 'c-1' }, is_deleted: true }), 0)).toMatchObject({ isDeleted: true, record: { fullName: '' } });
  });

  it.each([
    [{ record_id: '' }, { key: 'change #3', code: 'missing_record_id' }],
    [{ server_updated_at: 'yesterday' }, { key: 'contacts:c-1', code: 'invalid_change_time', params: { value: 'yesterday' }, table: 'contacts' }],
    [{ table_name: 'invoices' }, { key: 'invoices:c-1', code: 'unknown_table', params: { value: 'invoices' } }],
    [{ data: { id: 'c-1' } }, { key: 'contacts:c-1', code: 'contact_without_name', table: 'contacts' }],
  ])('should reject %j with its code and parameters when a field cannot be stored', (overrides, rejected) => {
    expect(parseChange(change(overrides), 2)).toEqual(rejected);
  });

  it('should reject with its position when a change is not an object', () => {
    expect(parseChange('oops', 4)).toEqual({ key: 'change #5', code: 'not_an_object' });
  });

  it('should refuse a page that promises more without a cursor and keep rejected changes apart', () => {
    expect(() => parseFeedPage({ changes: [], has_more: true, next_cursor: null })).toThrow(SyncError);
    expect(() => parseFeedPage({ has_more: false })).toThrow(SyncError);
    const page = parseFeedPage({ changes: [change(), change({ record_id: '' })], has_more: false, next_cursor: null });
    expect(page.changes).toHaveLength(1);
    expect(page.rejected).toEqual([{ key: 'change #2', code: 'missing_record_id' }]);
  });

  it('should read the counts per table from /api/sync/stats', () => {
    expect(
      parseSyncStats({ pending_queue_count: 2, last_sync_at: null, tables_stats: [{ table_name: 'contacts', record_count: 5 }, { table_name: 'x' }] }),
    ).toEqual({
      pendingQueueCount: 2,
      lastSyncAt: null,
      tables: { contacts: 5 },
    });
  });
});

describe('resumeSince', () => {
  it('should ask from just before the watermark so changes sharing its instant are read again', () => {
    expect(resumeSince('2025-12-07T11:00:00.000Z')).toBe('2025-12-07T10:59:59.999Z');
    expect(resumeSince(null)).toBe('1970-01-01T00:00:00.000Z');
  });
});
