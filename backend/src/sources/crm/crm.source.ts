import { CRM_CONTACT_SENSITIVE_FIELDS } from './crm.sensitive';
import type { SourceDefinition } from '../../sync/source-definition';
import { CreateCrmTables1764000000400 } from './migrations/1764000000400-create-crm-tables';
import { CreateCrmOutbox1764000000410 } from './migrations/1764000000410-create-crm-outbox';
import { CrmOutbox } from './crm.outbox';
import { crmSettings } from './crm.settings';
import { crmRejectReasons } from './crm.reject-reasons';

export const crmSource: SourceDefinition = {
  id: 'crm',
  names: { fa: 'سامانهٔ ارتباط با مخاطبان (CRM)', en: 'CRM' },
  rejectReasons: crmRejectReasons,
  // `recent` reads the change feed from the stored watermark; `full` from the beginning, then removes what the CRM no longer has.
  modes: ['recent', 'full'],
  defaultTimeoutSeconds: 1800,
  settings: crmSettings,
  migrations: [CreateCrmTables1764000000400, CreateCrmOutbox1764000000410],
  loadStep: async () => (await import('./crm.sync')).runCrmSync,
  canDryRun: true,
  loadDeletionApplier: async () => (await import('./crm.deletions')).applyCrmDeletions,
  recordTables: [
    {
      id: 'contacts',
      columns: ['mobile', 'nationalCode', 'stage', 'owner', 'studentNumber', 'serverUpdatedAt', 'syncVersion'],
      sensitive: CRM_CONTACT_SENSITIVE_FIELDS,
      load: async () => (await import('./crm.records')).crmContactsBrowser,
    },
    {
      id: 'interactions',
      columns: ['kind', 'occurredAt', 'contact', 'serverUpdatedAt'],
      load: async () => (await import('./crm.records')).crmInteractionsBrowser,
    },
  ],
  testConnection: async (settings, signal) => (await import('./crm.test-connection')).testCrmConnection(settings, signal),
  countPending: (db) => new CrmOutbox(db).counts(),
  dataMarks: (db) => new CrmOutbox(db).marks(),
  countUpstream: async (settings, signal) => (await import('./crm.test-connection')).countCrmUpstream(settings, signal),
};
