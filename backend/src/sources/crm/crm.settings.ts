import { z } from 'zod';
import { defineSourceSettings, readDeclaredOptions } from '../../sync/settings/source-settings';

const whole = (min: number, max: number, fallback: number, labelKey: string) => z.number().int().min(min).max(max).default(fallback).meta({ labelKey });

export const CONFLICT_POLICIES = ['lww', 'ask'] as const;
export type ConflictPolicy = (typeof CONFLICT_POLICIES)[number];

export const crmOptionsSchema = z.object({
  /** `lww`: the newer side wins and the conflict is recorded as resolved; `ask`: it waits for an admin. */
  conflictPolicy: z.enum(CONFLICT_POLICIES).default('lww').meta({ labelKey: 'options.conflictPolicy' }),
  /** Changes asked for per pull-changes call (sent as `limit`; the CRM may answer fewer). */
  pageSize: whole(1, 1_000, 200, 'options.pageSize'),
  requestTimeoutMs: whole(1_000, 600_000, 30_000, 'options.requestTimeoutMs'),
  maxRetries: whole(0, 10, 4, 'options.maxRetries'),
  retryBaseMs: whole(0, 60_000, 500, 'options.retryBaseMs'),
  /** Days a pushed change stays in the outbox's history before a run cleans it. */
  outboxRetentionDays: whole(1, 365, 7, 'options.outboxRetentionDays'),
});

export type CrmOptions = z.output<typeof crmOptionsSchema>;

export const crmSettings = defineSourceSettings({
  connection: [
    { name: 'baseUrl', kind: 'url', isRequired: true, env: 'CRM_BASE_URL' },
    { name: 'username', kind: 'text', isRequired: true, env: 'CRM_USERNAME' },
    { name: 'password', kind: 'secret', isRequired: true, isNeededForTest: true, env: 'CRM_PASSWORD' },
  ],
  options: crmOptionsSchema,
});

/** Options from the source settings, each falling back to its default (with a warning) when missing or out of range. */
export function readCrmOptions(raw: Record<string, unknown>, warn: (message: string) => void = () => undefined): CrmOptions {
  return readDeclaredOptions(crmSettings, raw, warn) as CrmOptions;
}
