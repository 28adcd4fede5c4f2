import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { findMoodleError, errorKindOf } from './moodle-errors';
import { decodeMoodleXml } from './moodle-xml';
import { parseCategories, parseContents, parseCourses, parseEnrolledUsers, parseSiteInfo, parseToken } from './moodle.parser';

// The responses of a real Moodle 4.3 site, kept with the stand-in that imitates them.
const FIXTURES = join(__dirname, '../../../../stand-ins/fixtures/moodle');
const read = (name: string): unknown => {
  const text = readFileSync(join(FIXTURES, name), 'utf8');
  return name.endsWith('.xml') ? decodeMoodleXml(text) : (JSON.parse(text) as unknown);
};

// Which parser reads which capture; error captures are read by findMoodleError.
const PARSERS: Record<string, (body: unknown) => unknown> = {
  'core_webservice_get_site_info.json': parseSiteInfo,
  'core_webservice_get_site_info.xml': parseSiteInfo,
  'core_course_get_categories.json': parseCategories,
  'core_course_get_courses.json': parseCourses,
  'core_course_get_courses_by_field.json': parseCourses,
  'core_course_get_contents-course2.json': parseContents,
  'core_course_get_contents-course4.json': parseContents,
  'core_enrol_get_enrolled_users-course4-page1.json': parseEnrolledUsers,
  'core_enrol_get_enrolled_users-course4-page2.json': parseEnrolledUsers,
  'core_enrol_get_users_courses-user3.json': parseCourses,
  'core_user_get_users_by_field.json': parseEnrolledUsers,
  'login-token-success.json': parseToken,
};
// The connector never calls core_course_get_updates_since (it reports per-user activity, not course changes).
const UNUSED = ['core_course_get_updates_since-course4.json'];

describe('Moodle parser', () => {
  const files = readdirSync(FIXTURES).filter((name) => name.endsWith('.json') || name.endsWith('.xml'));

  it('should have a reader for every captured response when the fixtures are listed', () => {
    expect(files.length).toBeGreaterThanOrEqual(29);
    const unread = files.filter((name) => !PARSERS[name] && !name.startsWith('error-') && !UNUSED.includes(name));
    expect(unread).toEqual([]);
  });

  it.each(Object.keys(PARSERS))('should accept %s unchanged when it is parsed', (name) => {
    const body = read(name);
    expect(findMoodleError(body)).toBeNull();
    expect(() => PARSERS[name](body)).not.toThrow();
    const parsed = PARSERS[name](body) as { rejected?: unknown[] };
    if (parsed && typeof parsed === 'object' && 'rejected' in parsed) expect(parsed.rejected).toEqual([]);
  });

  it.each(readdirSync(FIXTURES).filter((name) => name.startsWith('error-')))('should find the errorcode in %s when it is an error body', (name) => {
    const error = findMoodleError(read(name));
    expect(error).toEqual({ errorcode: expect.stringMatching(/^(invalidtoken|accessexception|invalidparameter|invalidrecord|invalidlogin)$/) });
  });

  it('should read the same site from the XML and the JSON capture when both are parsed', () => {
    const fromXml = parseSiteInfo(read('core_webservice_get_site_info.xml'));
    const fromJson = parseSiteInfo(read('core_webservice_get_site_info.json'));
    expect(fromXml).toEqual(fromJson);
    expect(fromJson).toMatchObject({ siteName: 'Moodle 4.3 Fixture Site', release: '4.3 (Build: 20231009)', version: '2023100900', siteId: 1 });
    expect(fromJson.functions).toHaveLength(9);
  });

  it('should keep the quirks of a real site when courses and contents are parsed', () => {
    const courses = parseCourses(read('core_course_get_courses.json')).items;
    expect(courses.map((c) => c.id)).toEqual([1, 3, 2, 4]);
    expect(courses[0]).toMatchObject({ format: 'site', startDate: null });
    expect(courses[3]).toMatchObject({ shortname: 'testcourse_3', idnumber: 'TC-S-2023', categoryId: 2, timeModified: 1795467079, cacheRev: null });
    expect(parseCategories(read('core_course_get_categories.json')).items[0].idnumber).toBeNull();
    const modules = parseContents(read('core_course_get_contents-course2.json')).flatMap((section) => section.modules);
    // Forum and assignment have no `contents` key at all in 4.3.
    expect(modules.find((m) => m.modname === 'forum')?.contents).toEqual([]);
    expect(modules.find((m) => m.modname === 'page')?.contents[0]).toMatchObject({ type: 'file', mimetype: null });
  });

  it('should read roles and a missing idnumber when enrolled users are parsed', () => {
    const users = parseEnrolledUsers(read('core_enrol_get_enrolled_users-course4-page1.json')).items;
    expect(users).toHaveLength(10);
    expect(users[1]).toMatchObject({ id: 4, username: 'tool_generator_000002', idnumber: '2', roles: ['editingteacher', 'student'] });
    const admin = parseEnrolledUsers(read('core_user_get_users_by_field.json')).items[0];
    expect(admin).toMatchObject({ id: 2, username: 'admin', idnumber: null, roles: [] });
  });

  it('should reject a row without an id and keep the others when a list is damaged', () => {
    const parsed = parseCourses({ courses: [{ id: 5, shortname: 'A' }, { shortname: 'no id' }], warnings: [] });
    expect(parsed.items.map((c) => c.id)).toEqual([5]);
    expect(parsed.rejected).toEqual([{ key: 'course #2', code: 'course_without_id', params: { position: 2 } }]);
  });

  it('should reject with the code of its list when a category or a user has no numeric id', () => {
    expect(parseCategories([{ id: 'x', name: 'A' }]).rejected).toEqual([{ key: 'category #1', code: 'category_without_id', params: { position: 1 } }]);
    expect(parseEnrolledUsers([{ id: 7 }, null]).rejected).toEqual([{ key: 'user #2', code: 'user_without_id', params: { position: 2 } }]);
  });

  it.each([
    ['invalidtoken', 'auth'],
    ['accessexception', 'auth'],
    ['invalidparameter', 'validation'],
    ['invalidrecord', 'upstream'],
    ['somethingnew', 'upstream'],
  ])('should map errorcode %s to kind %s when Moodle answers it', (code, kind) => {
    expect(errorKindOf(code)).toBe(kind);
  });
});
