import type Database from 'better-sqlite3';
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

/** The CRM outbox and its conflicts, in SQLite: the API queues and resolves, the worker pushes. */
export class CrmOutbox {
  constructor(private readonly db: Database.Database) {}

  /** Queues a change of a record; an earlier change of the same record still waiting is superseded by it. */
  enqueue(table: string, recordId: string, data: Record<string, unknown>, createdBy: string | null, now: string): CrmOutboxItem {
    return this.db
      .transaction(() => {
        this.db.prepare(`UPDATE crm_outbox SET status = 'superseded' WHERE table_name = ? AND record_id = ? AND status = 'pending'`).run(table, recordId);
        const { lastInsertRowid } = this.db
          .prepare(
            `INSERT INTO crm_outbox (table_name, record_id, data, local_updated_at, status, attempts, created_by, created_at) VALUES (?, ?, ?, ?, 'pending', 0, ?, ?)`,
          )
          .run(table, recordId, JSON.stringify(data), now, createdBy, now);
        return this.item(Number(lastInsertRowid))!;
      })
      .immediate();
  }

  item(id: number): CrmOutboxItem | undefined {
    const row = this.db.prepare<[number], OutboxRow>(`SELECT * FROM crm_outbox WHERE id = ?`).get(id);
    return row ? toItem(row) : undefined;
  }

  /** The changes waiting after `afterId`, oldest first (a run walks the queue once, so a refused change waits for the next run). */
  pending(afterId: number, limit: number): CrmOutboxItem[] {
    return this.db
      .prepare<[number, number], OutboxRow>(`SELECT * FROM crm_outbox WHERE status = 'pending' AND id > ? ORDER BY id LIMIT ?`)
      .all(afterId, limit)
      .map(toItem);
  }

  list(limit = 200): CrmOutboxItem[] {
    return this.db.prepare<[number], OutboxRow>(`SELECT * FROM crm_outbox ORDER BY id DESC LIMIT ?`).all(limit).map(toItem);
  }

  markPushed(ids: readonly string[], now: string): void {
    const statement = this.db.prepare(`UPDATE crm_outbox SET status = 'pushed', attempts = attempts + 1, last_error = NULL, pushed_at = @now WHERE id = @id`);
    this.db.transaction(() => ids.forEach((id) => statement.run({ id: Number(id), now }))).immediate();
  }

  /** The change stays queued with its attempt counted and the error kept. */
  markFailed(ids: readonly string[], error: string): void {
    const statement = this.db.prepare(`UPDATE crm_outbox SET attempts = attempts + 1, last_error = @error WHERE id = @id`);
    this.db.transaction(() => ids.forEach((id) => statement.run({ id: Number(id), error }))).immediate();
  }

  /** Records a conflict (open, or resolved at once by the policy) and takes its change out of the queue. */
  recordConflict(conflict: NewConflict, resolved: { resolution: CrmResolution; by: string } | null, now: string): CrmConflict {
    return this.db
      .transaction(() => {
        this.db
          .prepare(`UPDATE crm_outbox SET status = @status, attempts = attempts + 1, last_error = NULL, pushed_at = @pushedAt WHERE id = @id`)
          .run({ id: conflict.outboxId, status: resolved?.resolution === 'accept_client' ? 'pushed' : 'conflict', pushedAt: resolved ? now : null });
        const { lastInsertRowid } = this.db
          .prepare(
            `INSERT INTO crm_conflicts (outbox_id, table_name, record_id, local_data, server_data, local_updated_at, server_updated_at, status, resolution, resolved_by, resolved_at, created_at)
           VALUES (@outboxId, @table, @recordId, @local, @server, @localUpdatedAt, @serverUpdatedAt, @status, @resolution, @by, @resolvedAt, @now)`,
          )
          .run({
            ...conflict,
            local: JSON.stringify(conflict.local),
            server: JSON.stringify(conflict.server),
            status: resolved ? 'resolved' : 'open',
            resolution: resolved?.resolution ?? null,
            by: resolved?.by ?? null,
            resolvedAt: resolved ? now : null,
            now,
          });
        return this.conflict(Number(lastInsertRowid))!;
      })
      .immediate();
  }

  conflict(id: number): CrmConflict | undefined {
    const row = this.db.prepare<[number], ConflictRow>(`SELECT * FROM crm_conflicts WHERE id = ?`).get(id);
    return row ? toConflict(row) : undefined;
  }

  conflicts(status: CrmConflictStatus | null, limit = 200): CrmConflict[] {
    return this.db
      .prepare<[string | null, string | null, number], ConflictRow>(`SELECT * FROM crm_conflicts WHERE (? IS NULL OR status = ?) ORDER BY id DESC LIMIT ?`)
      .all(status, status, limit)
      .map(toConflict);
  }

  /** Closes an open conflict with an admin's choice; its change counts as pushed when the client's side won. */
  resolve(id: number, resolution: CrmResolution, by: string | null, reason: string | null, now: string): CrmConflict {
    this.db
      .transaction(() => {
        this.db
          .prepare(`UPDATE crm_conflicts SET status = 'resolved', resolution = ?, resolved_by = ?, resolved_at = ?, reason = ? WHERE id = ?`)
          .run(resolution, by, now, reason, id);
        if (resolution === 'accept_client') {
          this.db.prepare(`UPDATE crm_outbox SET status = 'pushed', pushed_at = ? WHERE id = (SELECT outbox_id FROM crm_conflicts WHERE id = ?)`).run(now, id);
        }
      })
      .immediate();
    return this.conflict(id)!;
  }

  counts(): { pendingPush: number; openConflicts: number } {
    return this.db
      .prepare<[], { pendingPush: number; openConflicts: number }>(
        `SELECT (SELECT COUNT(*) FROM crm_outbox WHERE status = 'pending') AS pendingPush, (SELECT COUNT(*) FROM crm_conflicts WHERE status = 'open') AS openConflicts`,
      )
      .get()!;
  }

  /**
   * What moves whenever the outbox or the conflicts change: a change queued or cleaned (count, newest id), an
   * attempt made (attempts add up), a conflict recorded or resolved.
   */
  marks(): { outbox: string; conflicts: string } {
    return this.db
      .prepare<[], { outbox: string; conflicts: string }>(
        `SELECT (SELECT COUNT(*) || ':' || COALESCE(MAX(id), 0) || ':' || COALESCE(SUM(attempts), 0) FROM crm_outbox) AS outbox,
                (SELECT COUNT(*) || ':' || COALESCE(MAX(id), 0) || ':' || COUNT(CASE WHEN status = 'open' THEN 1 END) FROM crm_conflicts) AS conflicts`,
      )
      .get()!;
  }

  /** Removes pushed and superseded changes older than the retention; what waits or conflicts stays. */
  clean(before: string): number {
    return this.db.prepare(`DELETE FROM crm_outbox WHERE status IN ('pushed', 'superseded') AND COALESCE(pushed_at, created_at) < ?`).run(before).changes;
  }
}
