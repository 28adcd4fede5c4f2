import type { SqlDb } from '../../common/database/sql-db';
import type { StoredRecord } from '@hamgam/shared';
import { countRows } from '../../sync/records/count-rows';
import { containsPattern, foldSqlExpression } from '../../sync/records/search-text';
import type { RecordBrowser, RecordSearch } from '../../sync/source-definition';

type Row = Record<string, string | number | null>;

const LIKE = (expression: string) => `${expression} LIKE @pattern ESCAPE '\\'`;

// Stored text is cleaned (Persian letters, ASCII digits); the query arrives folded the same way.
const CONTACT_WHERE = `(CAST(@pattern AS TEXT) IS NULL OR ${[
  LIKE('lower(c.id)'),
  LIKE(foldSqlExpression('c.full_name')),
  LIKE("COALESCE(c.mobile, '')"),
  LIKE("COALESCE(c.national_code, '')"),
  LIKE("COALESCE(c.student_number, '')"),
  LIKE(foldSqlExpression("COALESCE(c.stage, '')")),
  LIKE(foldSqlExpression("COALESCE(c.owner, '')")),
].join(' OR ')})`;

const INTERACTION_WHERE = `(CAST(@pattern AS TEXT) IS NULL OR ${[
  LIKE('lower(i.id)'),
  LIKE("lower(COALESCE(i.contact_id, ''))"),
  LIKE(foldSqlExpression("COALESCE(i.kind, '')")),
  LIKE(foldSqlExpression("COALESCE(i.summary, '')")),
  LIKE(foldSqlExpression("COALESCE(c.full_name, '')")),
].join(' OR ')})`;

async function page(db: SqlDb, from: string, where: string, select: string, orderBy: string, search: RecordSearch): Promise<{ rows: Row[]; total: number }> {
  const pattern = search.q === null ? null : containsPattern(search.q);
  const { total } = (await db.get<{ total: number }>(`SELECT CAST(COUNT(*) AS INTEGER) AS total FROM ${from} WHERE ${where}`, { pattern }))!;
  const rows = await db.all<Row>(`SELECT ${select} FROM ${from} WHERE ${where} ORDER BY ${orderBy} LIMIT @limit OFFSET @offset`, {
    pattern,
    limit: search.pageSize,
    offset: (search.page - 1) * search.pageSize,
  });
  return { rows, total: Number(total) };
}

const str = (value: string | number | null | undefined): string | null => (value === null || value === undefined ? null : String(value));

const meta = (row: Row): Pick<StoredRecord, 'deletedAt' | 'lastRunId' | 'updatedAt' | 'history'> => ({
  deletedAt: str(row.deleted_at),
  lastRunId: str(row.last_run_id),
  updatedAt: String(row.updated_at),
  history: null,
});

/** CRM contacts, soft-deleted ones included: searchable by name, mobile, national code, stage, owner, student number and CRM id. */
export const crmContactsBrowser: RecordBrowser = {
  count: (db) => countRows(db, 'crm_contacts'),
  async list(db, search) {
    const { rows, total } = await page(db, 'crm_contacts c', CONTACT_WHERE, 'c.*', 'c.full_name, c.id', search);
    const items: StoredRecord[] = rows.map((row) => ({
      key: String(row.id),
      name: String(row.full_name),
      fields: {
        mobile: str(row.mobile),
        nationalCode: str(row.national_code),
        stage: str(row.stage),
        owner: str(row.owner),
        studentNumber: str(row.student_number),
        serverUpdatedAt: str(row.server_updated_at),
        syncVersion: str(row.sync_version),
      },
      ...meta(row),
    }));
    return { items, total };
  },
};

/** CRM interactions with their contact's name: searchable by summary, kind, contact and CRM id. */
export const crmInteractionsBrowser: RecordBrowser = {
  count: (db) => countRows(db, 'crm_interactions'),
  async list(db, search) {
    const { rows, total } = await page(
      db,
      'crm_interactions i LEFT JOIN crm_contacts c ON c.id = i.contact_id',
      INTERACTION_WHERE,
      'i.*, c.full_name AS contact_name',
      'i.occurred_at DESC NULLS LAST, i.id',
      search,
    );
    const items: StoredRecord[] = rows.map((row) => ({
      key: String(row.id),
      name: str(row.summary) ?? '',
      fields: {
        kind: str(row.kind),
        occurredAt: str(row.occurred_at),
        contact: str(row.contact_name) ?? str(row.contact_id),
        serverUpdatedAt: str(row.server_updated_at),
      },
      ...meta(row),
    }));
    return { items, total };
  },
};
