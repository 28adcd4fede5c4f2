import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { DeletionDecisionKind, ErrorKind, RunMode, RunStatus, RunTrigger } from '@hamgam/shared';

@Entity('data_syncs')
export class SyncRunEntity {
  @PrimaryGeneratedColumn('increment')
  id: number;

  @Column('text', { name: 'source_id' })
  sourceId: string;

  @Column('text')
  trigger: RunTrigger;

  @Column('text', { name: 'triggered_by', nullable: true })
  triggeredBy: string | null;

  @Column('text', { nullable: true })
  reason: string | null;

  @Column('text')
  status: RunStatus;

  @Column('text', { name: 'cancelled_by', nullable: true })
  cancelledBy: string | null;

  @Column('text', { name: 'cancel_reason', nullable: true })
  cancelReason: string | null;

  @Column('text', { nullable: true })
  mode: RunMode | null;

  @Column('text', { nullable: true })
  stage: string | null;

  @Column('real', { nullable: true })
  percent: number | null;

  @Column('text', { name: 'message_key', nullable: true })
  messageKey: string | null;

  @Column('simple-json', { name: 'message_params', nullable: true })
  messageParams: Record<string, string | number> | null;

  @Column('text', { name: 'created_at' })
  createdAt: string;

  @Column('text', { name: 'started_at', nullable: true })
  startedAt: string | null;

  @Column('text', { name: 'finished_at', nullable: true })
  finishedAt: string | null;

  @Column('integer', { name: 'duration_ms', nullable: true })
  durationMs: number | null;

  @Column('integer') fetched: number;
  @Column('integer') inserted: number;
  @Column('integer') updated: number;
  @Column('integer') unchanged: number;
  @Column('integer') deleted: number;
  @Column('integer') rejected: number;

  @Column('text', { name: 'error_kind', nullable: true })
  errorKind: ErrorKind | null;

  @Column('text', { name: 'error_message', nullable: true })
  errorMessage: string | null;

  @Column('integer', { default: 0 })
  retries: number;

  @Column('integer', { name: 'exit_code', nullable: true })
  exitCode: number | null;

  @Column('text', { name: 'exit_signal', nullable: true })
  exitSignal: string | null;

  @Column('boolean', { name: 'log_truncated' })
  logTruncated: boolean;

  /** The replica whose supervisor owns the run's process (REPLICA_ID). */
  @Column('text', { name: 'owner_replica', nullable: true })
  ownerReplica: string | null;

  /** The owner renews it while the run is active; past it, any replica closes the run as failed/interrupted. */
  @Column('text', { name: 'lease_expires_at', nullable: true })
  leaseExpiresAt: string | null;

  /** Set by a cancel asked on a replica that does not own the run; the owner stops the process. */
  @Column('text', { name: 'cancel_requested_at', nullable: true })
  cancelRequestedAt: string | null;
  @Column('boolean', { name: 'dry_run', default: false })
  dryRun: boolean;

  /** Deletions held past the deletion guard (their rows are in held_deletions). */
  @Column('integer', { name: 'held_deletions', default: 0 })
  heldDeletions: number;

  @Column('text', { name: 'deletion_decision', nullable: true })
  deletionDecision: DeletionDecisionKind | null;

  @Column('text', { name: 'deletion_decided_by', nullable: true })
  deletionDecidedBy: string | null;

  @Column('text', { name: 'deletion_decision_reason', nullable: true })
  deletionDecisionReason: string | null;

  @Column('text', { name: 'deletion_decided_at', nullable: true })
  deletionDecidedAt: string | null;

  @Column('integer', { name: 'deletions_applied', default: 0 })
  deletionsApplied: number;
}
