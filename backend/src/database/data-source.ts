import type { DataSourceOptions } from 'typeorm';
import type { AppConfig } from '../config/config';
import { AuditEntryEntity } from '../audit/entities/audit-entry.entity';
import { AcademicCalendarEntity } from '../calendar/academic-calendar.entity';
import { SessionEntity } from '../auth/entities/session.entity';
import { UserEntity } from '../auth/entities/user.entity';
import { SOURCE_DEFINITIONS } from '../sources/registry';
import type { SourceCatalog } from '../sync/source-catalog';
import { RunLogLineEntity } from '../sync/entities/run-log-line.entity';
import { RunRejectionEntity } from '../sync/entities/run-rejection.entity';
import { HeldDeletionEntity } from '../sync/deletions/held-deletion.entity';
import { SourceEntity } from '../sync/entities/source.entity';
import { SyncRunEntity } from '../sync/entities/sync-run.entity';
import { SourceScheduleEntity } from '../sync/scheduler/source-schedule.entity';
import { CreateSyncCore1764000000000 } from './migrations/1764000000000-create-sync-core';
import { AddAutoSync1764000000200 } from './migrations/1764000000200-add-auto-sync';
import { AddSourceToken1764000000210 } from './migrations/1764000000210-add-source-token';
import { AuthAuditHistory1765000000000 } from './migrations/1765000000000-auth-audit-history';
import { HistorySortIndexes1765000000100 } from './migrations/1765000000100-history-sort-indexes';
import { RunMessages1765000000200 } from './migrations/1765000000200-run-messages';
import { Sessions1765100000000 } from './migrations/1765100000000-sessions';
import { DeclaredConnection1765200000000 } from './migrations/1765200000000-declared-connection';
import { SourceFreshness1765300000000 } from './migrations/1765300000000-source-freshness';
import { RunRetries1765400000000 } from './migrations/1765400000000-run-retries';
import { Notifications1765400000100 } from './migrations/1765400000100-notifications';
import { IncidentEntity } from '../notifications/entities/incident.entity';
import { NotificationChannelEntity } from '../notifications/entities/notification-channel.entity';
import { NotificationDeliveryEntity } from '../notifications/entities/notification-delivery.entity';
import { RejectionCodes1765400000300 } from './migrations/1765400000300-rejection-codes';
import { AcademicCalendar1765400000500 } from './migrations/1765400000500-academic-calendar';
import { ScheduleCalendar1765400000700 } from './migrations/1765400000700-schedule-calendar';
import { Replicas1765500000900 } from './migrations/1765500000900-replicas';
import { DropEventRelay1765500001300 } from './migrations/1765500001300-drop-event-relay';
import { RunChanges1765500000100 } from './migrations/1765500000100-run-changes';
import { DryRunsDeletionGuard1765500000300 } from './migrations/1765500000300-dry-runs-deletion-guard';
import { PostgresHistoryIndexes1765500001100 } from './migrations/1765500001100-postgres-history-indexes';
import { BUSY_TIMEOUT_MS } from '../common/database/open-sqlite';

export const CORE_ENTITIES = [
  SourceEntity,
  SyncRunEntity,
  RunLogLineEntity,
  RunRejectionEntity,
  SourceScheduleEntity,
  UserEntity,
  SessionEntity,
  AuditEntryEntity,
  NotificationChannelEntity,
  IncidentEntity,
  NotificationDeliveryEntity,
  AcademicCalendarEntity,
  HeldDeletionEntity,
];

/** Where the app's database is: the SQLite file, or PostgreSQL when `DATABASE_URL` is set. */
export type DatabaseTarget = Pick<AppConfig, 'databasePath' | 'databaseUrl'>;

/**
 * One definition for the app and the CLI: a SQLite file in WAL mode, or PostgreSQL at `DATABASE_URL`; the same
 * committed migrations (the core's and each catalog source's, dialect-aware) run at start-up on either, through
 * `openDatabase` (migrate.ts), which lets one replica at a time run them.
 */
export function buildDataSourceOptions(target: DatabaseTarget, catalog: SourceCatalog = SOURCE_DEFINITIONS): DataSourceOptions {
  const migrations = [...CORE_MIGRATIONS, ...catalog.flatMap((definition) => definition.migrations)];
  const common = { entities: CORE_ENTITIES, migrations, migrationsRun: false, synchronize: false, logging: ['error', 'migration'] } as const;
  if (target.databaseUrl) {
    return {
      type: 'postgres',
      url: target.databaseUrl,
      // The API's own pool; workers of command sources never connect.
      extra: { max: 10 },
      ...common,
      logging: [...common.logging],
    };
  }
  return {
    type: 'better-sqlite3',
    database: target.databasePath,
    enableWAL: true,
    timeout: BUSY_TIMEOUT_MS,
    prepareDatabase: (db: { pragma: (sql: string) => unknown }) => {
      db.pragma('foreign_keys = ON');
      db.pragma('synchronous = NORMAL');
    },
    ...common,
    logging: [...common.logging],
  };
}

const CORE_MIGRATIONS = [
  CreateSyncCore1764000000000,
  AddAutoSync1764000000200,
  AddSourceToken1764000000210,
  AuthAuditHistory1765000000000,
  HistorySortIndexes1765000000100,
  RunMessages1765000000200,
  Sessions1765100000000,
  DeclaredConnection1765200000000,
  SourceFreshness1765300000000,
  RunRetries1765400000000,
  Notifications1765400000100,
  RejectionCodes1765400000300,
  AcademicCalendar1765400000500,
  ScheduleCalendar1765400000700,
  RunChanges1765500000100,
  DryRunsDeletionGuard1765500000300,
  Replicas1765500000900,
  PostgresHistoryIndexes1765500001100,
  DropEventRelay1765500001300,
];
