import { z } from 'zod';
import { defineSourceSettings, readDeclaredOptions } from '../../sync/settings/source-settings';
import { GOLESTAN_CONNECTION } from '../golestan/golestan.settings';

const whole = (min: number, max: number, fallback: number, labelKey: string) => z.number().int().min(min).max(max).default(fallback).meta({ labelKey });

export const facultyOptionsSchema = z.object({
  pageSize: whole(1, 100_000, 500, 'options.pageSize'),
  requestTimeoutMs: whole(1_000, 600_000, 30_000, 'options.requestTimeoutMs'),
  maxRetries: whole(0, 10, 4, 'options.maxRetries'),
  retryBaseMs: whole(0, 60_000, 500, 'options.retryBaseMs'),
});

export type FacultyOptions = z.output<typeof facultyOptionsSchema>;

export const facultySettings = defineSourceSettings({ connection: GOLESTAN_CONNECTION, options: facultyOptionsSchema });

/** Options from the source settings, each falling back to its default (with a warning) when it is out of range. */
export function readOptions(raw: Record<string, unknown>, warn: (message: string) => void = () => undefined): FacultyOptions {
  return readDeclaredOptions(facultySettings, raw, warn) as FacultyOptions;
}
