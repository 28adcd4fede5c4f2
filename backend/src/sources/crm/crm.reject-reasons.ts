import type { RejectReasons } from '../../sync/source-definition';
import type { CrmRejectCode } from './crm.parser';

/** The sentence of each reject code (copied in locales/<lng>/sources/crm.json `rejections`; a spec compares them). */
export const crmRejectReasons: RejectReasons & { fa: Record<CrmRejectCode, string>; en: Record<CrmRejectCode, string> } = {
  fa: {
    not_an_object: 'سامانهٔ بیرونی به‌جای تغییر چیز دیگری فرستاد.',
    missing_record_id: 'تغییر شناسهٔ رکورد (record_id) ندارد.',
    invalid_change_time: 'زمان تغییر ({{value}}) زمان معتبری نیست.',
    contact_without_name: 'مخاطب نام کامل (full_name) ندارد.',
    unknown_table: 'جدول «{{value}}» نه مخاطبان است نه تعامل‌ها.',
  },
  en: {
    not_an_object: 'The upstream system sent something other than a change.',
    missing_record_id: 'The change has no record id (record_id).',
    invalid_change_time: 'The change time ({{value}}) is not a valid time.',
    contact_without_name: 'The contact has no full name (full_name).',
    unknown_table: 'The table “{{value}}” is neither contacts nor interactions.',
  },
};
