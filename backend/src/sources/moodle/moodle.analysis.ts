import { COURSE_ACTIVITY_LEVELS, type CourseActivityLevel } from '@hamgam/shared';
import type { MoodleSection } from './moodle.parser';

export const CONTENT_BUCKETS = ['resources', 'files', 'pages', 'urls', 'assignments', 'quizzes', 'forums', 'others'] as const;
export type ContentBucket = (typeof CONTENT_BUCKETS)[number];

/** What one course holds, counted from core_course_get_contents. `files` counts files, the rest activities. */
export type CourseAnalysis = {
  courseId: number;
  sections: number;
  visibleSections: number;
  activities: number;
  visibleActivities: number;
  hiddenActivities: number;
  /** Visible activities other than forums in section 0 (see `activityLevel`). */
  teachingActivities: number;
  counts: Record<ContentBucket, number>;
  fileBytes: number;
  /** Activities by Moodle module name (`lesson`, `h5pactivity` …), for the types the buckets fold together. */
  byModule: Record<string, number>;
  /** The newest file time in the course, Unix seconds. */
  lastContentModified: number | null;
};

const BUCKET_OF: Record<string, Exclude<ContentBucket, 'files'>> = {
  resource: 'resources',
  folder: 'resources',
  page: 'pages',
  book: 'pages',
  url: 'urls',
  assign: 'assignments',
  quiz: 'quizzes',
  forum: 'forums',
};

/** Counts a course's sections and activities by kind, visible and hidden, and the files it offers. */
export function analyseCourse(courseId: number, sections: MoodleSection[]): CourseAnalysis {
  const counts = Object.fromEntries(CONTENT_BUCKETS.map((bucket) => [bucket, 0])) as Record<ContentBucket, number>;
  const byModule: Record<string, number> = {};
  const analysis: CourseAnalysis = {
    courseId,
    sections: sections.length,
    visibleSections: sections.filter((section) => section.visible).length,
    activities: 0,
    visibleActivities: 0,
    hiddenActivities: 0,
    teachingActivities: 0,
    counts,
    fileBytes: 0,
    byModule,
    lastContentModified: null,
  };
  for (const section of sections) {
    for (const module of section.modules) {
      analysis.activities += 1;
      // An activity in a hidden section is hidden from students whatever its own flag says.
      const isVisible = module.visible && section.visible;
      if (isVisible) analysis.visibleActivities += 1;
      else analysis.hiddenActivities += 1;
      // Moodle puts an Announcements forum in section 0 of every course; it says nothing about teaching.
      if (isVisible && !(section.number === 0 && module.modname === 'forum')) analysis.teachingActivities += 1;
      counts[BUCKET_OF[module.modname] ?? 'others'] += 1;
      byModule[module.modname] = (byModule[module.modname] ?? 0) + 1;
      for (const content of module.contents) {
        if (content.timeModified !== null) analysis.lastContentModified = Math.max(analysis.lastContentModified ?? 0, content.timeModified);
        // A page's index.html is the page itself, not a file offered to students.
        if (content.type !== 'file' || module.modname === 'page' || module.modname === 'book') continue;
        counts.files += 1;
        analysis.fileBytes += content.filesize;
      }
    }
  }
  return analysis;
}

/** `empty` with no teaching activity, `active` from `activeMinActivities` on, `light` in between. */
export function activityLevel(teachingActivities: number, activeMinActivities: number): CourseActivityLevel {
  const [empty, light, active] = COURSE_ACTIVITY_LEVELS;
  return teachingActivities === 0 ? empty : teachingActivities < activeMinActivities ? light : active;
}
