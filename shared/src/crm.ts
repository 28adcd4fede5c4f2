export const CRM_OUTBOX_STATUSES = ['pending', 'pushed', 'conflict', 'superseded'] as const;
export type CrmOutboxStatus = (typeof CRM_OUTBOX_STATUSES)[number];

export const CRM_CONFLICT_STATUSES = ['open', 'resolved'] as const;
export type CrmConflictStatus = (typeof CRM_CONFLICT_STATUSES)[number];

export const CRM_RESOLUTIONS = ['accept_client', 'accept_server'] as const;
export type CrmResolution = (typeof CRM_RESOLUTIONS)[number];

/** `POST /api/sources/crm/links`: link a CRM contact to a student, or unlink it (`studentNumber: null`). */
export type CrmLinkRequest = { contactId: string; studentNumber: string | null };

/** A local change waiting in (or pushed from) the CRM outbox. */
export type CrmOutboxItem = {
  id: string;
  table: string;
  recordId: string;
  /** The fields the change sets. */
  data: Record<string, unknown>;
  /** ISO-8601: when the change was made here (sent as `local_updated_at`). */
  localUpdatedAt: string;
  status: CrmOutboxStatus;
  attempts: number;
  lastError: string | null;
  createdBy: string | null;
  createdAt: string;
  pushedAt: string | null;
};

/** A change the CRM refused because it changed the record after our copy; both versions kept. */
export type CrmConflict = {
  id: string;
  table: string;
  recordId: string;
  local: Record<string, unknown>;
  server: Record<string, unknown>;
  localUpdatedAt: string;
  serverUpdatedAt: string;
  status: CrmConflictStatus;
  resolution: CrmResolution | null;
  /** A user name, or `lww` when the policy resolved it. */
  resolvedBy: string | null;
  resolvedAt: string | null;
  reason: string | null;
};

/** `POST /api/sources/crm/conflicts/:id/resolve`. */
export type CrmResolveRequest = { resolution: CrmResolution; reason?: string };

/** `GET /api/sources/crm/watermark`: the newest CRM change wholly stored (null: the next run reads everything). */
export type CrmWatermark = { serverUpdatedAt: string | null; updatedAt: string | null };

/** `GET /api/sources/crm/contacts/:id/suggestions`: a student whose national code or mobile matches the contact's. */
export type CrmLinkSuggestion = {
  studentNumber: string;
  name: string;
  nationalCode: string | null;
  mobile: string | null;
  matchedBy: ('nationalCode' | 'mobile')[];
};
