import type { CourseActivityLevel, MoodleUserMatch } from '@hamgam/shared';
import { cleanPersianText } from '../../common/text/clean-text';
import type { CourseAnalysis } from './moodle.analysis';
import type { CourseTerm, UserMatch } from './moodle.classify';
import type { MoodleCategory, MoodleCourse, MoodleEnrolledUser } from './moodle.parser';
import type { Row } from './moodle-table-writer';

export const iso = (unixSeconds: number | null): string | null => (unixSeconds === null ? null : new Date(unixSeconds * 1000).toISOString());
const flag = (value: boolean | null): number | null => (value === null ? null : value ? 1 : 0);
const clean = (value: string): string => cleanPersianText(value);

/**
 * What tells that a course changed: its settings time and its cache revision, which Moodle raises when
 * activities or sections change. Null when the token may see neither (no moodle/course:update).
 */
export function changeMarker(course: MoodleCourse): string | null {
  if (course.timeModified === null && course.cacheRev === null) return null;
  return `${course.timeModified ?? ''}:${course.cacheRev ?? ''}`;
}

export const categoryRow = (category: MoodleCategory): Row => ({
  id: category.id,
  name: clean(category.name),
  idnumber: category.idnumber,
  parent_id: category.parentId,
  path: category.path,
  depth: category.depth,
  sortorder: category.sortorder,
  visible: flag(category.visible),
  time_modified: iso(category.timeModified),
});

export const courseRow = (course: MoodleCourse, term: CourseTerm | null, level: CourseActivityLevel | null): Row => ({
  id: course.id,
  shortname: clean(course.shortname),
  fullname: clean(course.fullname),
  idnumber: course.idnumber,
  category_id: course.categoryId,
  visible: flag(course.visible),
  format: course.format,
  start_date: iso(course.startDate),
  end_date: iso(course.endDate),
  time_modified: iso(course.timeModified),
  cache_rev: course.cacheRev,
  term_code: term?.code ?? null,
  term_source: term?.source ?? null,
  activity_level: level,
});

export const contentsRow = (analysis: CourseAnalysis, marker: string | null): Row => ({
  course_id: analysis.courseId,
  sections: analysis.sections,
  visible_sections: analysis.visibleSections,
  activities: analysis.activities,
  visible_activities: analysis.visibleActivities,
  hidden_activities: analysis.hiddenActivities,
  teaching_activities: analysis.teachingActivities,
  resources: analysis.counts.resources,
  files: analysis.counts.files,
  file_bytes: analysis.fileBytes,
  pages: analysis.counts.pages,
  urls: analysis.counts.urls,
  assignments: analysis.counts.assignments,
  quizzes: analysis.counts.quizzes,
  forums: analysis.counts.forums,
  other_activities: analysis.counts.others,
  // Sorted, so the same contents always hash the same.
  by_module: JSON.stringify(Object.fromEntries(Object.entries(analysis.byModule).sort(([a], [b]) => a.localeCompare(b)))),
  last_content_modified: iso(analysis.lastContentModified),
  analysed_marker: marker,
});

export const userRow = (user: MoodleEnrolledUser, match: UserMatch): Row => ({
  id: user.id,
  username: user.username,
  idnumber: user.idnumber,
  firstname: clean(user.firstname),
  lastname: clean(user.lastname),
  fullname: clean(user.fullname),
  email: user.email?.trim().toLowerCase() || null,
  match_kind: match.kind,
  match_key: match.key,
});

export const enrolmentRow = (courseId: number, userId: number, roles: readonly string[]): Row => ({
  course_id: courseId,
  user_id: userId,
  roles: [...new Set(roles)].sort().join(','),
});

/** What an auditor reads about a run's classification: courses by term and level, users by match. */
export type ClassificationSummary = {
  courses: number;
  byTerm: Record<string, number>;
  withoutTerm: number;
  termSources: Record<string, number>;
  byLevel: Record<CourseActivityLevel, number>;
  users: number;
  byMatch: Record<MoodleUserMatch, number>;
  /** False when the students table did not exist yet: nobody could be matched to a student. */
  studentsChecked: boolean;
  facultyChecked: boolean;
  analysedCourses: number;
  keptCourses: number;
};

export function summarise(
  terms: (CourseTerm | null)[],
  levels: CourseActivityLevel[],
  matches: Record<MoodleUserMatch, number>,
  checks: { studentsChecked: boolean; facultyChecked: boolean; analysedCourses: number; keptCourses: number },
): ClassificationSummary {
  const count = <K extends string>(keys: K[], initial: Record<K, number>): Record<K, number> => {
    const result = { ...initial };
    for (const key of keys) result[key] = (result[key] ?? 0) + 1;
    return result;
  };
  const known = terms.filter((term): term is CourseTerm => term !== null);
  return {
    courses: terms.length,
    byTerm: count(
      known.map((term) => term.code),
      {} as Record<string, number>,
    ),
    withoutTerm: terms.length - known.length,
    termSources: count(
      known.map((term) => term.source),
      {} as Record<string, number>,
    ),
    byLevel: count(levels, { empty: 0, light: 0, active: 0 }),
    users: matches.student + matches.faculty + matches.none,
    byMatch: { ...matches },
    ...checks,
  };
}
