import type { MoodleDataset } from './moodle-dataset';
import type { MoodleSiteIndex } from './moodle-site-control';
import { invalidParameter, missingCourse } from './moodle-errors';
import { checkParams, list, object, value, type Checked, type ParamSpec, type PhpArray } from './moodle-params';
import * as body from './moodle-responses';
import type { MoodleErrorBody } from './moodle-xml';

export type CallContext = {
  data: MoodleDataset;
  index: () => MoodleSiteIndex;
  site: body.SiteContext;
  debug: boolean;
  dropUsersPerPage: number;
  onContents: (courseId: number) => void;
  onEnrolmentPage: (page: { courseid: number; limitfrom: number; limitnumber: number; returned: number }) => void;
};

/** A Moodle error answered with HTTP 200, as every web-service error is. */
export class MoodleCallError extends Error {
  constructor(readonly body: MoodleErrorBody) {
    super(body.errorcode);
  }
}

type Args = { [key: string]: Checked };
type WsFunction = { params: Record<string, ParamSpec>; run: (args: Args, ctx: CallContext) => unknown };

const nameValue = object({ name: value('text'), value: value('text') });
const optionsOf = (args: Args): Record<string, string> =>
  Object.fromEntries((args.options as { name: string; value: string }[]).map((option) => [option.name, option.value]));

const findCourse = (args: Args, ctx: CallContext) => {
  const course = ctx.data.courses.find((c) => c.id === args.courseid);
  if (!course) throw new MoodleCallError(missingCourse(args.courseid as number, ctx.debug));
  return course;
};

const allCourses = (ctx: CallContext) => [body.frontPage(ctx.site.siteName), ...ctx.data.courses];

/** The functions the stand-in implements, with the parameters Moodle 4.3 declares for each. */
export const WS_FUNCTIONS: Record<string, WsFunction> = {
  core_webservice_get_site_info: {
    params: { serviceshortnames: list(value('text')) },
    run: (_args, ctx) => body.siteInfo(ctx.site),
  },
  core_course_get_categories: {
    params: { criteria: list(object({ key: value('text'), value: value('text') })), addsubcategories: value('bool', false, 1) },
    run: (args, ctx) => {
      const criteria = args.criteria as { key: string; value: string }[];
      return body.categories(ctx.data).filter((category) => criteria.every((c) => String(category[c.key as keyof typeof category]) === c.value));
    },
  },
  core_course_get_courses: {
    params: { options: object({ ids: list(value('int')) }, false) },
    run: (args, ctx) => {
      const ids = (args.options as { ids?: number[] }).ids ?? [];
      // Sort order, not id order: the real site answered 1, 3, 2, 4.
      return allCourses(ctx)
        .filter((course) => ids.length === 0 || ids.includes(course.id))
        .sort((a, b) => a.categoryid - b.categoryid || a.id - b.id)
        .map((course) => body.fullCourse(course, ctx.site.showCourseUpdates));
    },
  },
  core_course_get_courses_by_field: {
    params: { field: value('text', false, ''), value: value('text', false, '') },
    run: (args, ctx) => {
      const field = args.field as string;
      const wanted = args.value as string;
      const matchers: Record<string, (c: (typeof ctx.data.courses)[number]) => boolean> = {
        '': () => true,
        id: (c) => String(c.id) === wanted,
        ids: (c) => wanted.split(',').includes(String(c.id)),
        shortname: (c) => c.shortname === wanted,
        idnumber: (c) => c.idnumber === wanted,
        category: (c) => String(c.categoryid) === wanted,
      };
      const matcher = matchers[field];
      if (!matcher) throw new MoodleCallError(invalidParameter('Invalid field name', ctx.debug));
      const courses = (field === '' ? allCourses(ctx) : ctx.data.courses).filter(matcher);
      return { courses: courses.map((c) => body.courseByField(c, ctx.data, ctx.site.base, ctx.site.showCourseUpdates)), warnings: [] };
    },
  },
  core_course_get_contents: {
    params: { courseid: value('int'), options: list(nameValue) },
    run: (args, ctx) => {
      const course = findCourse(args, ctx);
      ctx.onContents(course.id);
      const options = optionsOf(args);
      const sections = body.courseContents(course, ctx.site.base);
      if (options.excludemodules === '1') return sections.map((section) => ({ ...section, modules: [] }));
      return sections;
    },
  },
  core_enrol_get_enrolled_users: {
    params: { courseid: value('int'), options: list(nameValue) },
    run: (args, ctx) => {
      const course = findCourse(args, ctx);
      const options = optionsOf(args);
      if (options.sortby && !['id', 'firstname', 'lastname', 'siteorder'].includes(options.sortby)) {
        throw new MoodleCallError(invalidParameter(`Invalid value for sortby parameter (value: ${options.sortby})`, ctx.debug));
      }
      const limitfrom = Number(options.limitfrom ?? 0);
      const limitnumber = Number(options.limitnumber ?? 0);
      const enrolments = ctx.data.enrolments.get(course.id) ?? [];
      let page = limitnumber > 0 ? enrolments.slice(limitfrom, limitfrom + limitnumber) : enrolments.slice(limitfrom);
      // 4.x drops users whose details the caller may not see, so a short page is not the last one.
      if (ctx.dropUsersPerPage > 0 && page.length > 0) page = page.slice(0, Math.max(1, page.length - ctx.dropUsersPerPage));
      ctx.onEnrolmentPage({ courseid: course.id, limitfrom, limitnumber, returned: page.length });
      const { userById, coursesOfUser } = ctx.index();
      // `id` and `fullname` always come back; with userfields, the rest only when asked for.
      const wanted = options.userfields ? ['id', 'fullname', ...options.userfields.split(',').map((field) => field.trim())] : null;
      const withCourses = wanted === null || wanted.includes('enrolledcourses');
      return page.map((enrolment) => {
        const user = userById.get(enrolment.userid)!;
        const record: Record<string, unknown> = body.enrolledUser(user, enrolment.roles, withCourses ? (coursesOfUser.get(user.id) ?? []) : [], ctx.site.base);
        return wanted === null ? record : Object.fromEntries(Object.entries(record).filter(([key]) => wanted.includes(key)));
      });
    },
  },
  core_user_get_users_by_field: {
    params: { field: value('text'), values: list(value('text'), true) },
    run: (args, ctx) => {
      const field = args.field as 'id' | 'idnumber' | 'username' | 'email';
      if (!['id', 'idnumber', 'username', 'email'].includes(field)) throw new MoodleCallError(invalidParameter('Invalid field name', ctx.debug));
      const values = args.values as string[];
      // Unknown values are left out silently, as the real site does.
      return ctx.data.users.filter((user) => values.includes(String(user[field]))).map((user) => body.userDetails(user, ctx.site.base));
    },
  },
};

export const FUNCTION_NAMES = Object.keys(WS_FUNCTIONS);

/** Checks the call's parameters and runs the function; Moodle errors come back as `MoodleCallError`. */
export const callFunction = (name: string, params: PhpArray, ctx: CallContext): unknown => {
  const fn = WS_FUNCTIONS[name];
  let args: Args;
  try {
    args = checkParams(fn.params, params);
  } catch (error) {
    throw new MoodleCallError(invalidParameter(error instanceof Error ? error.message : String(error), ctx.debug));
  }
  return fn.run(args, ctx);
};
