// Every Moodle payload passes through here before the connector uses it. The rules follow what a real 4.3
// site sends (stand-ins/fixtures/moodle), not only what the docs promise: numbers may come as text (XML
// answers, or PARAM_RAW values the PHP code held as ints), any scalar may be null, optional keys may be
// missing altogether (a module without files has no `contents`), and `activitybadge` may be `[]`.

/** Why a Moodle row is rejected: it has no numeric id (the API's sentences are in moodle.source.ts). */
export const MOODLE_REJECT_CODES = ['category_without_id', 'course_without_id', 'user_without_id'] as const;
export type MoodleRejectCode = (typeof MOODLE_REJECT_CODES)[number];
/** The key is the row's place in its answer ("course #3"): a row without an id has nothing else to name it by. */
export type Rejected = { key: string; code: MoodleRejectCode; params: Record<string, string | number> };
export type Parsed<T> = { items: T[]; rejected: Rejected[] };

export type MoodleSiteInfo = {
  siteName: string;
  siteUrl: string | null;
  release: string | null;
  version: string | null;
  username: string | null;
  siteId: number;
  functions: string[];
};

export type MoodleCategory = {
  id: number;
  name: string;
  idnumber: string | null;
  parentId: number;
  path: string;
  depth: number | null;
  sortorder: number | null;
  visible: boolean | null;
  timeModified: number | null;
};

export type MoodleCourse = {
  id: number;
  shortname: string;
  fullname: string;
  idnumber: string | null;
  categoryId: number | null;
  visible: boolean | null;
  format: string | null;
  /** Unix seconds; null when the course has none (0). */
  startDate: number | null;
  endDate: number | null;
  /** Only for tokens whose user may update the course. */
  timeModified: number | null;
  cacheRev: number | null;
};

export type MoodleContent = { type: string; filesize: number; timeModified: number | null; mimetype: string | null };
export type MoodleModule = { id: number; modname: string; name: string; visible: boolean; contents: MoodleContent[] };
export type MoodleSection = { id: number; number: number | null; name: string; visible: boolean; modules: MoodleModule[] };

export type MoodleEnrolledUser = {
  id: number;
  username: string | null;
  firstname: string;
  lastname: string;
  fullname: string;
  email: string | null;
  idnumber: string | null;
  roles: string[];
};

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);

/** An integer from a number or numeric text; undefined when absent or not one. */
function int(value: unknown): number | undefined {
  if (typeof value === 'number' && Number.isInteger(value)) return value;
  if (typeof value === 'string' && /^-?\d+$/.test(value.trim())) return Number(value.trim());
  return undefined;
}

function text(value: unknown): string | null {
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return String(value);
  return null;
}

function bool(value: unknown): boolean | null {
  if (typeof value === 'boolean') return value;
  const n = int(value);
  return n === undefined ? null : n !== 0;
}

const timestamp = (value: unknown): number | null => {
  const n = int(value);
  return n === undefined || n <= 0 ? null : n;
};

const list = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);

function expectList(body: unknown, what: string): unknown[] {
  if (!Array.isArray(body)) throw new Error(`${what}: expected a list, got ${body === null ? 'null' : typeof body}`);
  return body;
}

/** Rows without a usable id are rejected with a reason; the rest are mapped. */
function eachRow<T>(rows: unknown[], what: 'category' | 'course' | 'user', map: (row: Json, id: number) => T): Parsed<T> {
  const parsed: Parsed<T> = { items: [], rejected: [] };
  rows.forEach((row, index) => {
    const id = isObject(row) ? int(row.id) : undefined;
    if (!isObject(row) || id === undefined) {
      parsed.rejected.push({ key: `${what} #${index + 1}`, code: `${what}_without_id`, params: { position: index + 1 } });
      return;
    }
    parsed.items.push(map(row, id));
  });
  return parsed;
}

export function parseSiteInfo(body: unknown): MoodleSiteInfo {
  if (!isObject(body) || typeof body.sitename !== 'string') throw new Error('site info: no sitename');
  return {
    siteName: body.sitename,
    siteUrl: text(body.siteurl),
    release: text(body.release),
    version: text(body.version),
    username: text(body.username),
    siteId: int(body.siteid) ?? 1,
    functions: list(body.functions).flatMap((f) => (isObject(f) && typeof f.name === 'string' ? [f.name] : [])),
  };
}

/** login/token.php's answer; null when it holds no token. */
export function parseToken(body: unknown): string | null {
  return isObject(body) && typeof body.token === 'string' && body.token !== '' ? body.token : null;
}

export function parseCategories(body: unknown): Parsed<MoodleCategory> {
  return eachRow(expectList(body, 'categories'), 'category', (row, id) => ({
    id,
    name: text(row.name) ?? '',
    idnumber: text(row.idnumber) || null,
    parentId: int(row.parent) ?? 0,
    path: text(row.path) ?? `/${id}`,
    depth: int(row.depth) ?? null,
    sortorder: int(row.sortorder) ?? null,
    visible: bool(row.visible),
    timeModified: timestamp(row.timemodified),
  }));
}

/** Courses from core_course_get_courses_by_field (`{courses, warnings}`) or core_course_get_courses (a list). */
export function parseCourses(body: unknown): Parsed<MoodleCourse> {
  const rows = isObject(body) ? expectList(body.courses, 'courses') : expectList(body, 'courses');
  return eachRow(rows, 'course', (row, id) => ({
    id,
    shortname: text(row.shortname) ?? '',
    fullname: text(row.fullname) ?? text(row.displayname) ?? '',
    idnumber: text(row.idnumber) || null,
    categoryId: int(row.categoryid) ?? null,
    visible: bool(row.visible),
    format: text(row.format),
    startDate: timestamp(row.startdate),
    endDate: timestamp(row.enddate),
    timeModified: timestamp(row.timemodified),
    cacheRev: timestamp(row.cacherev),
  }));
}

export function parseContents(body: unknown): MoodleSection[] {
  return expectList(body, 'course contents').flatMap((section) => {
    if (!isObject(section) || int(section.id) === undefined) return [];
    return [
      {
        id: int(section.id)!,
        number: int(section.section) ?? null,
        name: text(section.name) ?? '',
        visible: bool(section.visible) ?? true,
        modules: list(section.modules).flatMap((module) => {
          if (!isObject(module) || int(module.id) === undefined) return [];
          return [
            {
              id: int(module.id)!,
              modname: text(module.modname) ?? 'unknown',
              name: text(module.name) ?? '',
              visible: bool(module.visible) ?? true,
              // 4.3 leaves `contents` out for activities without files instead of sending [].
              contents: list(module.contents)
                .filter(isObject)
                .map((content) => ({
                  type: text(content.type) ?? 'file',
                  filesize: int(content.filesize) ?? 0,
                  timeModified: timestamp(content.timemodified),
                  mimetype: text(content.mimetype),
                })),
            },
          ];
        }),
      },
    ];
  });
}

export function parseEnrolledUsers(body: unknown): Parsed<MoodleEnrolledUser> {
  return eachRow(expectList(body, 'enrolled users'), 'user', (row, id) => ({
    id,
    username: text(row.username),
    firstname: text(row.firstname) ?? '',
    lastname: text(row.lastname) ?? '',
    fullname: text(row.fullname) ?? '',
    email: text(row.email) || null,
    // An empty idnumber is left out of the answer, not sent as "".
    idnumber: text(row.idnumber) || null,
    roles: list(row.roles).flatMap((role) => (isObject(role) && typeof role.shortname === 'string' ? [role.shortname] : [])),
  }));
}
