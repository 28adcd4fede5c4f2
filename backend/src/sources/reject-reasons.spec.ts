import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { EXPORT_LANGUAGES } from '../common/export/export-labels';
import { CRM_REJECT_CODES } from './crm/crm.parser';
import { FACULTY_REJECT_CODES } from './faculty/faculty.mapper';
import { MOODLE_REJECT_CODES } from './moodle/moodle.parser';
import { SOURCE_DEFINITIONS } from './registry';
import { STUDENT_REJECT_CODES } from './students/students.mapper';

const FRONTEND_LOCALES = join(__dirname, '../../../frontend/src/locales');
const CODES: Record<string, readonly string[]> = {
  faculty: FACULTY_REJECT_CODES,
  students: STUDENT_REJECT_CODES,
  moodle: MOODLE_REJECT_CODES,
  crm: CRM_REJECT_CODES,
};

describe('reject reasons of the sources', () => {
  it('should declare a sentence in every language for exactly the codes each source rejects with', () => {
    for (const definition of SOURCE_DEFINITIONS) {
      for (const lang of EXPORT_LANGUAGES) {
        expect({ id: definition.id, lang, codes: Object.keys(definition.rejectReasons?.[lang] ?? {}).sort() }).toEqual({
          id: definition.id,
          lang,
          codes: [...CODES[definition.id]].sort(),
        });
      }
    }
  });

  it.each(EXPORT_LANGUAGES)('should say the same in the %s locale file of the UI as in the export', (lang) => {
    for (const definition of SOURCE_DEFINITIONS) {
      const file = JSON.parse(readFileSync(join(FRONTEND_LOCALES, lang, 'sources', `${definition.id}.json`), 'utf8')) as { rejections?: unknown };
      expect({ id: definition.id, rejections: file.rejections }).toEqual({ id: definition.id, rejections: definition.rejectReasons?.[lang] });
    }
  });
});
