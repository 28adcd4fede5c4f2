import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { CommandSettings, SourceKind } from '@hamgam/shared';

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

  @Column('text', { nullable: true })
  username: string | null;

  @Column('text', { name: 'password_encrypted', nullable: true })
  passwordEncrypted: string | null;

  @Column('text', { name: 'token_encrypted', nullable: true })
  tokenEncrypted: string | null;

  @Column('simple-json')
  options: Record<string, unknown>;

  /** A copy of what server configuration says, rewritten at every start; runs read the configuration itself. */
  @Column('simple-json', { nullable: true })
  command: CommandSettings | null;

  @Column('text', { name: 'created_at' })
  createdAt: string;

  @Column('text', { name: 'updated_at' })
  updatedAt: string;
}
