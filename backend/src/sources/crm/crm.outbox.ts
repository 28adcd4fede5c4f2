import type { SqlDb } from '../../common/database/sql-db';
import type { SqlDialect } from '../../common/database/sql-dialect';
import type { CrmConflict, CrmConflictStatus, CrmOutboxItem, CrmResolution } from '@hamgam/shared';

type OutboxRow = {
  id: number;
  table_name: string;
  record_id: string;
  data: string;
  local_updated_at: string;
  status: CrmOutboxItem['status'];
  attempts: number;
  last_error: string | null;
  created_by: string | null;
  created_at: string;
  pushed_at: string | null;
};

type ConflictRow = {
  id: number;
  outbox_id: number | null;
  table_name: string;
  record_id: string;
  local_data: string;
  server_data: string;
  local_updated_at: string;
  server_updated_at: string;
  status: CrmConflictStatus;
  resolution: CrmResolution | null;
  resolved_by: string | null;
  resolved_at: string | null;
  reason: string | null;
};

export type NewConflict = {
  outboxId: number;
  table: string;
  recordId: string;
  local: Record<string, unknown>;
  server: Record<string, unknown>;
  localUpdatedAt: string;
  serverUpdatedAt: string;
};

const toItem = (row: OutboxRow): CrmOutboxItem => ({
  id: String(row.id),
  table: row.table_name,
  recordId: row.record_id,
  data: JSON.parse(row.data) as Record<string, unknown>,
  localUpdatedAt: row.local_updated_at,
  status: row.status,
  attempts: row.attempts,
  lastError: row.last_error,
  createdBy: row.created_by,
  createdAt: row.created_at,
  pushedAt: row.pushed_at,
});

const toConflict = (row: ConflictRow): CrmConflict => ({
  id: String(row.id),
  table: row.table_name,
  recordId: row.record_id,
  local: JSON.parse(row.local_data) as Record<string, unknown>,
  server: JSON.parse(row.server_data) as Record<string, unknown>,
  localUpdatedAt: row.local_updated_at,
  serverUpdatedAt: row.server_updated_at,
  status: row.status,
  resolution: row.resolution,
  resolvedBy: row.resolved_by,
  resolvedAt: row.resolved_at,
  reason: row.reason,
});

/** `id` among the outbox ids bound as one parameter (`idList`): a JSON array on SQLite, an `int[]` on PostgreSQL. */
const idIn = (dialect: SqlDialect) => (dialect === 'postgres' ? 'id = ANY(CAST(@ids AS INTEGER[]))' : 'id IN (SELECT value FROM json_each(@ids))');
const idList = (dialect: SqlDialect, ids: readonly string[]) =>
  dialect === 'postgres' ? ids.map((id) => String(Number(id))) : JSON.stringify(ids.map(Number));

/** The CRM outbox and its conflicts, on either database: the API queues and resolves, the worker pushes. */
export class CrmOutbox {
  constructor(private readonly db: SqlDb) {}

  /** Queues a change of a record; an earlier change of the same record still waiting is superseded by it. */
  async enqueue(table: string, recordId: string, data: Record<string, unknown>, createdBy: string | null, now: string): Promise<CrmOutboxItem> {
    const id = await this.db.transaction(async (tx) => {
      await tx.run(`UPDATE crm_outbox SET status = 'superseded' WHERE table_name = ? AND record_id = ? AND status = 'pending'`, [table, recordId]);
      const row = await tx.get<{ id: number }>(
        `INSERT INTO crm_outbox (table_name, record_id, data, local_updated_at, status, attempts, created_by, created_at)
         VALUES (?, ?, ?, ?, 'pending', 0, ?, ?) RETURNING id`,
        [table, recordId, JSON.stringify(data), now, createdBy, now],
      );
      return Number(row!.id);
    });
    return (await this.item(id))!;
  }

  async item(id: number): Promise<CrmOutboxItem | undefined> {
    const row = await this.db.get<OutboxRow>(`SELECT * FROM crm_outbox WHERE id = ?`, [id]);
    return row ? toItem(row) : undefined;
  }

  /** The changes waiting after `afterId`, oldest first (a run walks the queue once, so a refused change waits for the next run). */
  async pending(afterId: number, limit: number): Promise<CrmOutboxItem[]> {
    return (await this.db.all<OutboxRow>(`SELECT * FROM crm_outbox WHERE status = 'pending' AND id > ? ORDER BY id LIMIT ?`, [afterId, limit])).map(toItem);
  }

  async list(limit = 200): Promise<CrmOutboxItem[]> {
    return (await this.db.all<OutboxRow>(`SELECT * FROM crm_outbox ORDER BY id DESC LIMIT ?`, [limit])).map(toItem);
  }

  async markPushed(ids: readonly string[], now: string): Promise<void> {
    if (ids.length === 0) return;
    await this.db.run(`UPDATE crm_outbox SET status = 'pushed', attempts = attempts + 1, last_error = NULL, pushed_at = @now WHERE ${idIn(this.db.dialect)}`, {
      ids: idList(this.db.dialect, ids),
      now,
    });
  }

  /** The change stays queued with its attempt counted and the error kept. */
  async markFailed(ids: readonly string[], error: string): Promise<void> {
    if (ids.length === 0) return;
    await this.db.run(`UPDATE crm_outbox SET attempts = attempts + 1, last_error = @error WHERE ${idIn(this.db.dialect)}`, {
      ids: idList(this.db.dialect, ids),
      error,
    });
  }

  /** Records a conflict (open, or resolved at once by the policy) and takes its change out of the queue. */
  async recordConflict(conflict: NewConflict, resolved: { resolution: CrmResolution; by: string } | null, now: string): Promise<CrmConflict> {
    const id = await this.db.transaction(async (tx) => {
      await tx.run(`UPDATE crm_outbox SET status = @status, attempts = attempts + 1, last_error = NULL, pushed_at = @pushedAt WHERE id = @id`, {
        id: conflict.outboxId,
        status: resolved?.resolution === 'accept_client' ? 'pushed' : 'conflict',
        pushedAt: resolved ? now : null,
      });
      const row = await tx.get<{ id: number }>(
        `INSERT INTO crm_conflicts (outbox_id, table_name, record_id, local_data, server_data, local_updated_at, server_updated_at, status, resolution, resolved_by, resolved_at, created_at)
         VALUES (@outboxId, @table, @recordId, @local, @server, @localUpdatedAt, @serverUpdatedAt, @status, @resolution, @by, @resolvedAt, @now) RETURNING id`,
        {
          outboxId: conflict.outboxId,
          table: conflict.table,
          recordId: conflict.recordId,
          local: JSON.stringify(conflict.local),
          server: JSON.stringify(conflict.server),
          localUpdatedAt: conflict.localUpdatedAt,
          serverUpdatedAt: conflict.serverUpdatedAt,
          status: resolved ? 'resolved' : 'open',
          resolution: resolved?.resolution ?? null,
          by: resolved?.by ?? null,
          resolvedAt: resolved ? now : null,
          now,
        },
      );
      return Number(row!.id);
    });
    return (await this.conflict(id))!;
  }

  async conflict(id: number): Promise<CrmConflict | undefined> {
    const row = await this.db.get<ConflictRow>(`SELECT * FROM crm_conflicts WHERE id = ?`, [id]);
    return row ? toConflict(row) : undefined;
  }

  async conflicts(status: CrmConflictStatus | null, limit = 200): Promise<CrmConflict[]> {
    const rows = await this.db.all<ConflictRow>(
      `SELECT * FROM crm_conflicts WHERE (CAST(@status AS TEXT) IS NULL OR status = @status) ORDER BY id DESC LIMIT @limit`,
      { status, limit },
    );
    return rows.map(toConflict);
  }

  /** Closes an open conflict with an admin's choice; its change counts as pushed when the client's side won. */
  async resolve(id: number, resolution: CrmResolution, by: string | null, reason: string | null, now: string): Promise<CrmConflict> {
    await this.db.transaction(async (tx) => {
      await tx.run(`UPDATE crm_conflicts SET status = 'resolved', resolution = ?, resolved_by = ?, resolved_at = ?, reason = ? WHERE id = ?`, [
        resolution,
        by,
        now,
        reason,
        id,
      ]);
      if (resolution === 'accept_client') {
        await tx.run(`UPDATE crm_outbox SET status = 'pushed', pushed_at = ? WHERE id = (SELECT outbox_id FROM crm_conflicts WHERE id = ?)`, [now, id]);
      }
    });
    return (await this.conflict(id))!;
  }

  async counts(): Promise<{ pendingPush: number; openConflicts: number }> {
    const row = await this.db.get<{ pendingPush: number; openConflicts: number }>(
      `SELECT (SELECT CAST(COUNT(*) AS INTEGER) FROM crm_outbox WHERE status = 'pending') AS "pendingPush",
              (SELECT CAST(COUNT(*) AS INTEGER) FROM crm_conflicts WHERE status = 'open') AS "openConflicts"`,
    );
    return { pendingPush: Number(row!.pendingPush), openConflicts: Number(row!.openConflicts) };
  }

  /**
   * What moves whenever the outbox or the conflicts change: a change queued or cleaned (count, newest id), an
   * attempt made (attempts add up), a conflict recorded or resolved.
   */
  async marks(): Promise<{ outbox: string; conflicts: string }> {
    const text = (expression: string) => `CAST(${expression} AS TEXT)`;
    const row = await this.db.get<{ outbox: string; conflicts: string }>(
      `SELECT (SELECT ${text('COUNT(*)')} || ':' || ${text('COALESCE(MAX(id), 0)')} || ':' || ${text('COALESCE(SUM(attempts), 0)')} FROM crm_outbox) AS outbox,
              (SELECT ${text('COUNT(*)')} || ':' || ${text('COALESCE(MAX(id), 0)')} || ':' || ${text("COUNT(CASE WHEN status = 'open' THEN 1 END)")} FROM crm_conflicts) AS conflicts`,
    );
    return row!;
  }

  /** Removes pushed and superseded changes older than the retention; what waits or conflicts stays. */
  async clean(before: string): Promise<number> {
    return (await this.db.run(`DELETE FROM crm_outbox WHERE status IN ('pushed', 'superseded') AND COALESCE(pushed_at, created_at) < ?`, [before])).changes;
  }
}
