/** The stages of a Moodle run in order (translated under `stages.<key>`), as the Spike document names them. */
export const MOODLE_STAGES = ['connecting', 'fetching_courses', 'analyzing_content', 'classifying_data', 'saving_to_database', 'completed'] as const;
export type MoodleStage = (typeof MOODLE_STAGES)[number];

/** How much a course holds, judged by its content counts: no activities, a few, or enough to be in use. */
export const COURSE_ACTIVITY_LEVELS = ['empty', 'light', 'active'] as const;
export type CourseActivityLevel = (typeof COURSE_ACTIVITY_LEVELS)[number];

/** What a Moodle user was matched to in the university's own records. */
export const MOODLE_USER_MATCHES = ['student', 'faculty', 'none'] as const;
export type MoodleUserMatch = (typeof MOODLE_USER_MATCHES)[number];
