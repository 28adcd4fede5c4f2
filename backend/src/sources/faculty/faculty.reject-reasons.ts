import type { RejectReasons } from '../../sync/source-definition';
import type { FacultyRejectCode } from './faculty.mapper';

/** The sentence of each reject code (copied in locales/<lng>/sources/faculty.json `rejections`; a spec compares them). */
export const facultyRejectReasons: RejectReasons & { fa: Record<FacultyRejectCode, string>; en: Record<FacultyRejectCode, string> } = {
  fa: {
    not_an_object: 'سامانهٔ بیرونی به‌جای رکورد چیز دیگری فرستاد.',
    missing_national_code: 'رکورد کد ملی ندارد.',
    invalid_national_code: 'کد ملی {{value}} معتبر نیست (طول یا رقم کنترل آن نادرست است).',
    duplicate_national_code: 'رکورد دیگری در همین اجرا همین کد ملی را داشت؛ اولی نگه داشته شد.',
  },
  en: {
    not_an_object: 'The upstream system sent something other than a record.',
    missing_national_code: 'The record has no national code.',
    invalid_national_code: 'The national code {{value}} is not valid (wrong length or check digit).',
    duplicate_national_code: 'An earlier record of this run had the same national code; the first one was kept.',
  },
};
