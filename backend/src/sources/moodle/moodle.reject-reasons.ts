import type { RejectReasons } from '../../sync/source-definition';
import type { MoodleRejectCode } from './moodle.parser';

/** The sentence of each reject code (copied in locales/<lng>/sources/moodle.json `rejections`; a spec compares them). */
export const moodleRejectReasons: RejectReasons & { fa: Record<MoodleRejectCode, string>; en: Record<MoodleRejectCode, string> } = {
  fa: {
    category_without_id: 'دستهٔ شمارهٔ {{position}} فهرست شناسهٔ عددی ندارد.',
    course_without_id: 'درس شمارهٔ {{position}} فهرست شناسهٔ عددی ندارد.',
    user_without_id: 'کاربر شمارهٔ {{position}} در فهرست ثبت‌نام‌های درس {{course}} شناسهٔ عددی ندارد.',
  },
  en: {
    category_without_id: 'Category number {{position}} of the list has no numeric id.',
    course_without_id: 'Course number {{position}} of the list has no numeric id.',
    user_without_id: 'User number {{position}} of the enrolments of course {{course}} has no numeric id.',
  },
};
