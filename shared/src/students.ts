/** A student's status in one term, as the students source keeps it for auditors (one row per term and campus). */
export type StudentTermStatus = {
  /** Term code: last three digits of the Jalali year + term 1–3 (`4023`). */
  term: string;
  campusCode: string;
  /** The campus's name as the gateway gave it for any student of that campus; null when none is stored. */
  campusName: string | null;
  statusCode: string | null;
  statusText: string | null;
};

/** A campus the students source asks the gateway about (`codePardis`). */
export type StudentCampus = { code: string; name: string };

/** The students source's settings (`Source.options`). */
export type StudentsOptions = {
  campuses: StudentCampus[];
  /** Jalali years whose three terms are read; absent means four years back to the current year. */
  fromYear?: number;
  toYear?: number;
  /** Calls to the gateway at once. */
  concurrency: number;
  pageSize: number;
  requestTimeoutMs: number;
  maxRetries: number;
  retryBaseMs: number;
};
