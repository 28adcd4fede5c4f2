import type { RejectReasons } from '../../sync/source-definition';
import type { StudentRejectCode } from './students.mapper';

/** The sentence of each reject code (copied in locales/<lng>/sources/students.json `rejections`; a spec compares them). */
export const studentRejectReasons: RejectReasons & { fa: Record<StudentRejectCode, string>; en: Record<StudentRejectCode, string> } = {
  fa: {
    not_an_object: 'سامانهٔ بیرونی به‌جای رکورد چیز دیگری فرستاد.',
    missing_student_number: 'رکورد شماره دانشجویی ندارد.',
    invalid_student_number: 'شماره دانشجویی {{value}} معتبر نیست (باید ۴ تا ۲۰ رقم باشد).',
    invalid_national_code: 'کد ملی {{value}} معتبر نیست (طول یا رقم کنترل آن نادرست است).',
  },
  en: {
    not_an_object: 'The upstream system sent something other than a record.',
    missing_student_number: 'The record has no student number.',
    invalid_student_number: 'The student number {{value}} is not valid (it must be 4 to 20 digits).',
    invalid_national_code: 'The national code {{value}} is not valid (wrong length or check digit).',
  },
};
