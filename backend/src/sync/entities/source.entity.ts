import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { CommandSettings, DeletionGuard, SourceKind } from '@hamgam/shared';

@Entity('sources')
export class SourceEntity {
  @PrimaryColumn('text')
  id: string;

  @Column('text')
  kind: SourceKind;

  @Column('boolean')
  enabled: boolean;

  @Column('integer', { name: 'timeout_seconds' })
  timeoutSeconds: number;

  @Column('text', { name: 'base_url', nullable: true })
  baseUrl: string | null;

  /** The source's non-secret connection fields other than the address (e.g. `username`), by name. */
  @Column('simple-json', { name: 'connection_fields' })
  connectionFields: Record<string, string>;

  /**
   * The source's secrets: one SecretBox ciphertext of the JSON object field name → value, read and written only
   * through `settings/stored-secrets.ts`; never sent to a client.
   */
  @Column('text')
  secrets: string;

  @Column('simple-json')
  options: Record<string, unknown>;

  /** A copy of what server configuration says, rewritten at every start; runs read the configuration itself. */
  @Column('simple-json', { nullable: true })
  command: CommandSettings | null;

  /** Seconds a successful run stays fresh; null derives it from the schedule. */
  @Column('integer', { name: 'freshness_max_age_seconds', nullable: true })
  freshnessMaxAgeSeconds: number | null;

  /** Limits before a run's deletions wait for approval; null keeps the defaults (`DEFAULT_DELETION_GUARD`). */
  @Column('simple-json', { name: 'deletion_guard', nullable: true })
  deletionGuard: DeletionGuard | null;

  @Column('text', { name: 'created_at' })
  createdAt: string;

  @Column('text', { name: 'updated_at' })
  updatedAt: string;
}
