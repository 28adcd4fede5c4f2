import { z } from 'zod';
import { defineSourceSettings, readDeclaredOptions } from '../../sync/settings/source-settings';

const whole = (min: number, max: number, fallback: number, labelKey: string) => z.number().int().min(min).max(max).default(fallback).meta({ labelKey });

export const moodleOptionsSchema = z.object({
  requestTimeoutMs: whole(1_000, 600_000, 30_000, 'options.requestTimeoutMs'),
  maxRetries: whole(0, 10, 4, 'options.maxRetries'),
  retryBaseMs: whole(0, 60_000, 500, 'options.retryBaseMs'),
  /** Courses read at the same time while analysing contents and enrolments. */
  concurrency: whole(1, 16, 4, 'options.concurrency'),
  /** Participants asked for per core_enrol_get_enrolled_users call. */
  enrolmentPageSize: whole(1, 5_000, 200, 'options.enrolmentPageSize'),
  /** Visible activities from which a course counts as `active` (fewer is `light`, none is `empty`). */
  activeMinActivities: whole(1, 1_000, 5, 'options.activeMinActivities'),
  /** Short name of the external service login/token.php issues tokens for (user name + password only). */
  service: z
    .string()
    .regex(/^[a-z0-9_]{1,100}$/i, 'service must be the short name of an external service (letters, digits, _)')
    .default('moodle_mobile_app')
    .meta({ labelKey: 'options.service' }),
});

export type MoodleOptions = z.output<typeof moodleOptionsSchema>;

// A web-service token, or a user name and password that login/token.php trades for one.
export const moodleSettings = defineSourceSettings({
  connection: [
    { name: 'baseUrl', kind: 'url', isRequired: true, env: 'MOODLE_BASE_URL' },
    { name: 'username', kind: 'text', isRequired: false, env: 'MOODLE_USERNAME' },
    { name: 'password', kind: 'secret', isRequired: false, env: 'MOODLE_PASSWORD' },
    { name: 'token', kind: 'secret', isRequired: false, env: 'MOODLE_TOKEN' },
  ],
  options: moodleOptionsSchema,
});

export const MOODLE_DEFAULT_OPTIONS: MoodleOptions = moodleOptionsSchema.parse({});

/** Options from the source settings, each falling back to its default (with a warning) when missing or out of range. */
export function readMoodleOptions(raw: Record<string, unknown>, warn: (message: string) => void = () => undefined): MoodleOptions {
  return readDeclaredOptions(moodleSettings, raw, warn) as MoodleOptions;
}
