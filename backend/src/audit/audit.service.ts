import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';
import type { AuditAction, AuditEntry, AuditListQuery, Page } from '@hamgam/shared';
import type { AuthenticatedRequest } from '../common/session-user';
import { AuditEntryEntity } from './entities/audit-entry.entity';
import { MAX_ROW_ID } from '../common/database/sql-dialect';

export type AuditRecord = {
  action: AuditAction;
  target?: string | null;
  details?: Record<string, unknown> | null;
  /** Defaults to the request's signed-in user. */
  actor?: string | null;
};

export function toAuditEntry(row: AuditEntryEntity): AuditEntry {
  return { id: String(row.id), at: row.at, actor: row.actor, action: row.action, target: row.target, ip: row.ip, details: row.details };
}

/** The audit trail: one row per state change or sign-in, never updated, removed only by nobody. */
@Injectable()
export class AuditService {
  constructor(@InjectRepository(AuditEntryEntity) private readonly entries: Repository<AuditEntryEntity>) {}

  /** Records an action of the request's user (or of `record.actor`) and marks the request as audited. */
  async record(request: AuthenticatedRequest | null, record: AuditRecord): Promise<void> {
    if (request) request.auditRecorded = true;
    // save(), not insert(): insert's partial type cannot take a JSON column of `Record<string, unknown>`.
    await this.entries.save({
      at: new Date().toISOString(),
      actor: record.actor !== undefined ? record.actor : (request?.user?.username ?? null),
      action: record.action,
      target: record.target ?? null,
      ip: request?.ip ?? null,
      details: record.details ?? null,
    });
  }

  /** Marks a request whose action needs no row (a save that changed nothing), so the interceptor adds none either. */
  markRecorded(request: AuthenticatedRequest): void {
    request.auditRecorded = true;
  }

  async list(query: AuditListQuery): Promise<Page<AuditEntry>> {
    const page = query.page ?? 1;
    const pageSize = query.pageSize ?? 50;
    const builder = this.filtered(query)
      .orderBy('entry.id', 'DESC')
      .offset((page - 1) * pageSize)
      .limit(pageSize);
    const [rows, total] = await builder.getManyAndCount();
    return { items: rows.map(toAuditEntry), total, page, pageSize };
  }

  /** Every matching row, newest first, in batches (for exports). */
  async *iterate(query: AuditListQuery, batchSize = 1000): AsyncGenerator<AuditEntry> {
    let beforeId = MAX_ROW_ID;
    for (;;) {
      const rows = await this.filtered(query).andWhere('entry.id < :beforeId', { beforeId }).orderBy('entry.id', 'DESC').limit(batchSize).getMany();
      for (const row of rows) yield toAuditEntry(row);
      if (rows.length < batchSize) return;
      beforeId = rows[rows.length - 1].id;
    }
  }

  private filtered(query: AuditListQuery) {
    const builder = this.entries.createQueryBuilder('entry').where('1 = 1');
    if (query.action) builder.andWhere('entry.action = :action', { action: query.action });
    if (query.actor) builder.andWhere('entry.actor = :actor', { actor: query.actor.trim().toLowerCase() });
    if (query.from) builder.andWhere('entry.at >= :from', { from: new Date(query.from).toISOString() });
    if (query.to) builder.andWhere('entry.at < :to', { to: new Date(query.to).toISOString() });
    return builder;
  }
}
