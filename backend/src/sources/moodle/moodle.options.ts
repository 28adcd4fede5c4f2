import type { OptionsValidation } from '../../sync/source-definition';

export type MoodleOptions = {
  requestTimeoutMs: number;
  maxRetries: number;
  retryBaseMs: number;
  /** Courses read at the same time while analysing contents and enrolments. */
  concurrency: number;
  /** Participants asked for per core_enrol_get_enrolled_users call. */
  enrolmentPageSize: number;
  /** Visible activities from which a course counts as `active` (fewer is `light`, none is `empty`). */
  activeMinActivities: number;
  /** Short name of the external service login/token.php issues tokens for (user name + password only). */
  service: string;
};

export const MOODLE_DEFAULT_OPTIONS: MoodleOptions = {
  requestTimeoutMs: 30_000,
  maxRetries: 4,
  retryBaseMs: 500,
  concurrency: 4,
  enrolmentPageSize: 200,
  activeMinActivities: 5,
  service: 'moodle_mobile_app',
};

type NumberOption = Exclude<keyof MoodleOptions, 'service'>;

const LIMITS: Record<NumberOption, [min: number, max: number]> = {
  requestTimeoutMs: [1_000, 600_000],
  maxRetries: [0, 10],
  retryBaseMs: [0, 60_000],
  concurrency: [1, 16],
  enrolmentPageSize: [1, 5_000],
  activeMinActivities: [1, 1_000],
};

/** Options from the source settings, each falling back to its default when missing or out of range. */
export function readMoodleOptions(raw: Record<string, unknown>, warn: (message: string) => void = () => undefined): MoodleOptions {
  const options = { ...MOODLE_DEFAULT_OPTIONS };
  for (const key of Object.keys(LIMITS) as NumberOption[]) {
    const value = raw[key];
    if (value === undefined || value === null) continue;
    const [min, max] = LIMITS[key];
    if (typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max) options[key] = value;
    else warn(`option ${key} must be a whole number from ${min} to ${max}; using ${options[key]}`);
  }
  if (raw.service !== undefined && raw.service !== null) {
    if (isServiceName(raw.service)) options.service = raw.service;
    else warn(`option service must be an external service short name; using ${options.service}`);
  }
  return options;
}

const isServiceName = (value: unknown): value is string => typeof value === 'string' && /^[a-z0-9_]{1,100}$/i.test(value);

/** Options an admin sends with PATCH /api/sources/moodle: each key checked, unknown keys refused. */
export function validateMoodleOptions(raw: Record<string, unknown>): OptionsValidation {
  const options: Record<string, unknown> = {};
  const fields: Record<string, string[]> = {};
  for (const [key, value] of Object.entries(raw)) {
    if (key === 'service') {
      if (isServiceName(value)) options.service = value;
      else fields.service = ['service must be the short name of an external service (letters, digits, _)'];
    } else if (key in LIMITS) {
      const [min, max] = LIMITS[key as NumberOption];
      if (typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max) options[key] = value;
      else fields[key] = [`${key} must be a whole number from ${min} to ${max}`];
    } else {
      fields[key] = [`unknown option; Moodle takes ${[...Object.keys(LIMITS), 'service'].join(', ')}`];
    }
  }
  return Object.keys(fields).length > 0 ? { ok: false, fields } : { ok: true, options };
}
