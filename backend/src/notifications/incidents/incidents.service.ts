import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { IsNull, Not, type Repository } from 'typeorm';
import type { Incident, IncidentKind, IncidentStatus, Page } from '@hamgam/shared';
import { IncidentEntity } from '../entities/incident.entity';
import { placeholders } from '../../common/database/sql-db';

export function toIncident(row: IncidentEntity): Incident {
  return {
    id: String(row.id),
    sourceId: row.sourceId,
    kind: row.kind,
    openedAt: row.openedAt,
    lastSeenAt: row.lastSeenAt,
    resolvedAt: row.resolvedAt,
    count: row.count,
  };
}

/** Incidents: at most one open per source and kind (a partial unique index), closed by the source's next success. */
@Injectable()
export class IncidentsService {
  constructor(@InjectRepository(IncidentEntity) private readonly incidents: Repository<IncidentEntity>) {}

  findOpen(sourceId: string, kind: IncidentKind): Promise<IncidentEntity | null> {
    return this.incidents.findOneBy({ sourceId, kind, resolvedAt: IsNull() });
  }

  allOpen(): Promise<IncidentEntity[]> {
    return this.incidents.find({ where: { resolvedAt: IsNull() }, order: { id: 'ASC' } });
  }

  /** The open incident of this source and kind, seen again now (`count` as given), or a new one. */
  async openOrSee(sourceId: string, kind: IncidentKind, at: Date, count: number): Promise<IncidentEntity> {
    const iso = at.toISOString();
    await this.incidents.query(
      placeholders(
        `INSERT INTO incidents (source_id, kind, opened_at, last_seen_at, resolved_at, count) VALUES (?, ?, ?, ?, NULL, ?)
         ON CONFLICT (source_id, kind) WHERE resolved_at IS NULL DO UPDATE SET last_seen_at = excluded.last_seen_at, count = excluded.count`,
        this.incidents.manager.connection,
      ),
      [sourceId, kind, iso, iso, count],
    );
    return (await this.findOpen(sourceId, kind)) as IncidentEntity;
  }

  /** Closes every open incident of the source; answers those it closed. */
  async resolve(sourceId: string, at: Date): Promise<IncidentEntity[]> {
    const open = await this.incidents.findBy({ sourceId, resolvedAt: IsNull() });
    if (open.length === 0) return [];
    const resolvedAt = at.toISOString();
    await this.incidents.update({ sourceId, resolvedAt: IsNull() }, { resolvedAt });
    return open.map((row) => ({ ...row, resolvedAt }));
  }

  async list(status: IncidentStatus | undefined, page: number, pageSize: number): Promise<Page<Incident>> {
    const where = status === 'open' ? { resolvedAt: IsNull() } : status === 'resolved' ? { resolvedAt: Not(IsNull()) } : {};
    const [rows, total] = await this.incidents.findAndCount({ where, order: { id: 'DESC' }, skip: (page - 1) * pageSize, take: pageSize });
    return { items: rows.map(toIncident), total, page, pageSize };
  }

  openCount(): Promise<number> {
    return this.incidents.countBy({ resolvedAt: IsNull() });
  }
}
