import { BadRequestException, ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { CrmConflict, CrmConflictStatus, CrmLinkSuggestion, CrmOutboxItem, CrmResolution, CrmWatermark } from '@hamgam/shared';
import { SourceSettingsService } from '../../sync/source-settings.service';
import { SyncService } from '../../sync/sync.service';
import { CrmOutbox } from './crm.outbox';
import { quickCrmClient } from './crm.test-connection';
import type { SqlDb } from '../../common/database/sql-db';
import { TypeOrmSqlDb } from '../../common/database/typeorm-sql-db';

const fieldError = (field: string, message: string) => new BadRequestException({ message: `${field}: ${message}`, fields: { [field]: [message] } });

/** What admins do with the CRM between runs: queue links, read the outbox and conflicts, resolve a conflict. */
@Injectable()
export class CrmService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly settings: SourceSettingsService,
    private readonly sync: SyncService,
  ) {}

  /** Queues the contact's link to a student (or its unlink); the next run pushes it. */
  async link(contactId: string, studentNumber: string | null, by: string | null): Promise<CrmOutboxItem> {
    const db = this.db();
    const contact = await db.get(`SELECT id FROM crm_contacts WHERE id = ? AND deleted_at IS NULL`, [contactId]);
    if (!contact) throw fieldError('contactId', 'no live CRM contact has this id');
    if (studentNumber !== null && !(await db.get(`SELECT 1 AS found FROM students WHERE student_number = ? AND deleted_at IS NULL`, [studentNumber]))) {
      throw fieldError('studentNumber', 'no student has this number');
    }
    return new CrmOutbox(db).enqueue('contacts', contactId, { student_number: studentNumber }, by, new Date().toISOString());
  }

  /** Students a contact may be: the same national code or the same mobile number (live students only). */
  async suggestions(contactId: string): Promise<CrmLinkSuggestion[]> {
    const db = this.db();
    const contact = await db.get<{ national_code: string | null; mobile: string | null }>(`SELECT national_code, mobile FROM crm_contacts WHERE id = ?`, [
      contactId,
    ]);
    if (!contact) throw new NotFoundException(`no CRM contact ${contactId}`);
    if (contact.national_code === null && contact.mobile === null) return [];
    const rows = await db.all<{ student_number: string; first_name: string; last_name: string; national_code: string | null; mobile: string | null }>(
      `SELECT student_number, first_name, last_name, national_code, mobile FROM students
       WHERE deleted_at IS NULL
         AND ((CAST(@code AS TEXT) IS NOT NULL AND national_code = @code) OR (CAST(@mobile AS TEXT) IS NOT NULL AND mobile = @mobile))
       ORDER BY student_number LIMIT 20`,
      { code: contact.national_code, mobile: contact.mobile },
    );
    return rows.map((row) => ({
      studentNumber: row.student_number,
      name: `${row.first_name} ${row.last_name}`.trim(),
      nationalCode: row.national_code,
      mobile: row.mobile,
      matchedBy: [
        ...(contact.national_code !== null && row.national_code === contact.national_code ? (['nationalCode'] as const) : []),
        ...(contact.mobile !== null && row.mobile === contact.mobile ? (['mobile'] as const) : []),
      ],
    }));
  }

  outbox(): Promise<CrmOutboxItem[]> {
    return new CrmOutbox(this.db()).list();
  }

  conflicts(status: CrmConflictStatus | null): Promise<CrmConflict[]> {
    return new CrmOutbox(this.db()).conflicts(status);
  }

  /** Tells the CRM which side wins (ours is sent as client_data), then closes the conflict. */
  async resolve(id: string, resolution: CrmResolution, by: string | null, reason: string | null): Promise<CrmConflict> {
    const outbox = new CrmOutbox(this.db());
    const conflict = /^\d{1,9}$/.test(id) ? await outbox.conflict(Number(id)) : undefined;
    if (!conflict) throw new NotFoundException(`no CRM conflict ${id}`);
    if (conflict.status !== 'open') throw new ConflictException(`CRM conflict ${id} is already resolved`);
    const client = quickCrmClient(this.settings.workerSettings(await this.settings.findEntity('crm')), AbortSignal.timeout(30_000));
    await client.resolveConflict(conflict.table, conflict.recordId, resolution, resolution === 'accept_client' ? conflict.local : null);
    return outbox.resolve(Number(id), resolution, by, reason, new Date().toISOString());
  }

  async watermark(): Promise<CrmWatermark> {
    const row = await this.db().get<{ server_updated_at: string | null; updated_at: string }>(
      `SELECT server_updated_at, updated_at FROM crm_watermark WHERE id = 1`,
    );
    return { serverUpdatedAt: row?.server_updated_at ?? null, updatedAt: row?.updated_at ?? null };
  }

  /** "Read everything again": the next `recent` run starts from the beginning. Refused while a run could move it back. */
  async resetWatermark(): Promise<{ before: CrmWatermark; after: CrmWatermark }> {
    if ((await this.sync.active()).some((run) => run.sourceId === 'crm')) {
      throw new ConflictException('a CRM run is active; reset the watermark after it ends');
    }
    const before = await this.watermark();
    await this.db().run(
      `INSERT INTO crm_watermark (id, server_updated_at, updated_at, run_id) VALUES (1, NULL, @now, NULL)
       ON CONFLICT (id) DO UPDATE SET server_updated_at = NULL, updated_at = excluded.updated_at, run_id = NULL`,
      { now: new Date().toISOString() },
    );
    return { before, after: await this.watermark() };
  }

  // TypeORM's connection (or pool), as the data browser uses it: the same SQL on SQLite and PostgreSQL.
  private db(): SqlDb {
    return new TypeOrmSqlDb(this.dataSource);
  }
}
