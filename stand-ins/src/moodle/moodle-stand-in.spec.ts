import { fixture, fixtureText, shapeDifferences } from './moodle-fixtures';
import { startMoodleStandIn, type MoodleStandIn } from './moodle-stand-in';

type Module = { modname: string };
type Section = { modules: Module[] };

describe('Moodle stand-in', () => {
  let moodle: MoodleStandIn;

  beforeAll(async () => {
    moodle = await startMoodleStandIn({ courses: 8, users: 30, seed: 3 });
  });

  afterEach(() => moodle.reset());
  afterAll(() => moodle.close());

  const post = async (path: string, params: Record<string, string>) => {
    const response = await fetch(`${moodle.url}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(params).toString(),
    });
    return { status: response.status, contentType: response.headers.get('content-type'), text: await response.text() };
  };
  const ws = (wsfunction: string, params: Record<string, string> = {}, token = moodle.token) =>
    post('/webservice/rest/server.php', { wstoken: token, wsfunction, moodlewsrestformat: 'json', ...params });
  const wsJson = async (wsfunction: string, params: Record<string, string> = {}) => {
    const response = await ws(wsfunction, params);
    expect(response).toMatchObject({ status: 200, contentType: 'application/json' });
    return JSON.parse(response.text) as unknown;
  };

  it('should answer site info in the captured shape when the token is valid', async () => {
    const info = (await wsJson('core_webservice_get_site_info')) as { functions: { name: string }[] };
    const expected = fixture('core_webservice_get_site_info.json') as Record<string, unknown>;
    expect(shapeDifferences(info, expected)).toEqual([]);
    expect(info.functions.map((f) => f.name)).toContain('core_course_get_contents');
  });

  it('should answer categories, courses and courses by field in the captured shapes when asked', async () => {
    expect(shapeDifferences(await wsJson('core_course_get_categories'), fixture('core_course_get_categories.json'))).toEqual([]);
    const courses = (await wsJson('core_course_get_courses')) as { format: string }[];
    const captured = fixture('core_course_get_courses.json') as unknown[];
    expect(courses[0].format).toBe('site');
    expect(shapeDifferences(courses[0], captured[0])).toEqual([]);
    expect(shapeDifferences(courses.slice(1), captured.slice(1))).toEqual([]);
    const byCategory = await wsJson('core_course_get_courses_by_field', { field: 'category', value: '3' });
    expect(shapeDifferences(byCategory, fixture('core_course_get_courses_by_field.json'))).toEqual([]);
  });

  it('should answer every module type of the contents in the captured shape when a course is read', async () => {
    const captured = [...(fixture('core_course_get_contents-course2.json') as Section[]), ...(fixture('core_course_get_contents-course4.json') as Section[])];
    const capturedModule = (modname: string) => captured.flatMap((s) => s.modules).find((m) => m.modname === modname);
    const sections = (await wsJson('core_course_get_contents', { courseid: '2' })) as Section[];
    expect(
      shapeDifferences(
        sections.map(({ modules: _m, ...rest }) => rest),
        captured.map(({ modules: _m, ...rest }) => rest).slice(0, 1),
      ),
    ).toEqual([]);
    const modules = sections.flatMap((s) => s.modules);
    expect(new Set(modules.map((m) => m.modname)).size).toBeGreaterThanOrEqual(4);
    for (const module of modules) {
      const expected = capturedModule(module.modname);
      if (expected) expect(shapeDifferences(module, expected, module.modname)).toEqual([]);
    }
  });

  it('should page enrolled users in the captured shape and end with an empty page when limitfrom passes the end', async () => {
    const page = async (from: number) =>
      (await wsJson('core_enrol_get_enrolled_users', {
        courseid: '3',
        'options[0][name]': 'limitfrom',
        'options[0][value]': String(from),
        'options[1][name]': 'limitnumber',
        'options[1][value]': '2',
        'options[2][name]': 'sortby',
        'options[2][value]': 'id',
      })) as { id: number; idnumber?: string }[];
    const first = await page(0);
    expect(first).toHaveLength(2);
    const withIdnumber = first.filter((user) => user.idnumber !== undefined);
    expect(shapeDifferences(withIdnumber, fixture('core_enrol_get_enrolled_users-course4-page1.json'))).toEqual([]);
    expect(await page(10_000)).toEqual([]);
  });

  it('should answer the captured error bodies when the token, a parameter or the course is wrong', async () => {
    expect(JSON.parse((await ws('core_webservice_get_site_info', {}, '0123456789abcdef0123456789abcdef')).text)).toEqual(fixture('error-invalidtoken.json'));
    expect(JSON.parse((await ws('core_course_get_contents', { courseid: 'abc' })).text)).toEqual(fixture('error-invalidparameter.json'));
    expect(JSON.parse((await ws('core_enrol_get_enrolled_users')).text)).toEqual(fixture('error-invalidparameter-missing.json'));
    expect(JSON.parse((await ws('core_course_get_contents', { courseid: '2', bogus: '1' })).text)).toEqual(
      fixture('error-invalidparameter-unexpectedkey.json'),
    );
    expect(JSON.parse((await ws('core_course_get_contents', { courseid: '999999' })).text)).toEqual(fixture('error-invalidrecord-nocourse.json'));
    expect(JSON.parse((await ws('core_user_get_users', { 'criteria[0][key]': 'id', 'criteria[0][value]': '2' })).text)).toEqual(
      fixture('error-accessexception.json'),
    );
  });

  it('should add the captured debuginfo to error bodies when the debug fault is on', async () => {
    moodle.setFaults({ debug: true });
    expect(JSON.parse((await ws('core_course_get_contents', { courseid: 'abc' })).text)).toEqual(fixture('error-invalidparameter-debug.json'));
    expect(JSON.parse((await ws('core_enrol_get_enrolled_users')).text)).toEqual(fixture('error-invalidparameter-missing-debug.json'));
    expect(JSON.parse((await ws('core_course_get_contents', { courseid: '2', bogus: '1' })).text)).toEqual(
      fixture('error-invalidparameter-unexpectedkey-debug.json'),
    );
    expect(JSON.parse((await ws('core_course_get_contents', { courseid: '999999' })).text)).toEqual(fixture('error-invalidrecord-nocourse-debug.json'));
    expect(JSON.parse((await ws('core_user_get_users', { 'criteria[0][key]': 'id', 'criteria[0][value]': '2' })).text)).toEqual(
      fixture('error-accessexception-debug.json'),
    );
  });

  it('should answer XML exactly like the site when moodlewsrestformat is missing', async () => {
    const error = await post('/webservice/rest/server.php', { wstoken: '0123456789abcdef0123456789abcdef', wsfunction: 'core_webservice_get_site_info' });
    expect(error).toMatchObject({ status: 200, contentType: 'application/xml; charset=utf-8', text: fixtureText('error-invalidtoken.xml') });
    const info = await post('/webservice/rest/server.php', { wstoken: moodle.token, wsfunction: 'core_webservice_get_site_info' });
    expect(info.text).toMatch(/^<\?xml version="1.0" encoding="UTF-8" \?>\n<RESPONSE>\n<SINGLE>\n<KEY name="sitename"><VALUE>/);
    expect(info.text).toContain('<KEY name="usersessionscount"><VALUE null="null"/>\n</KEY>\n</SINGLE>\n</RESPONSE>\n');
  });

  it('should exchange the password for a token and refuse a wrong one with the token.php error shape when asked', async () => {
    const ok = await post('/login/token.php', { username: moodle.username, password: moodle.password, service: 'moodle_mobile_app' });
    expect(ok.contentType).toBe('application/json; charset=utf-8');
    const token = JSON.parse(ok.text) as { token: string; privatetoken: null };
    expect(shapeDifferences(token, fixture('login-token-success.json'))).toEqual([]);
    expect(JSON.parse((await ws('core_webservice_get_site_info', {}, token.token)).text)).toHaveProperty('sitename');
    const wrong = await post('/login/token.php', { username: moodle.username, password: 'definitely-wrong', service: 'moodle_mobile_app' });
    expect(JSON.parse(wrong.text)).toEqual(fixture('error-token-invalidlogin.json'));
  });

  it('should answer 403 with an empty body when REST is disabled', async () => {
    moodle.setFaults({ restDisabled: true });
    expect(await ws('core_webservice_get_site_info')).toEqual({ status: 403, contentType: 'text/html; charset=utf-8', text: '' });
  });

  it('should drop functions from site info and refuse them when they are taken out of the service', async () => {
    moodle.setFaults({ withoutFunctions: ['core_course_get_contents'] });
    const info = (await wsJson('core_webservice_get_site_info')) as { functions: { name: string }[] };
    expect(info.functions.map((f) => f.name)).not.toContain('core_course_get_contents');
    expect(JSON.parse((await ws('core_course_get_contents', { courseid: '2' })).text)).toMatchObject({ errorcode: 'accessexception' });
  });

  it('should expire a token after N calls with invalidtoken in a 200 when the fault is set', async () => {
    moodle.setFaults({ expireTokensAfterCalls: 1 });
    await wsJson('core_webservice_get_site_info');
    const second = await ws('core_webservice_get_site_info');
    expect(second.status).toBe(200);
    expect(JSON.parse(second.text)).toMatchObject({ errorcode: 'invalidtoken' });
  });

  it('should serve the gateway faults when they are switched on', async () => {
    moodle.setFaults({ failNext: 1, rateLimitNext: 1, truncateNext: 1 });
    expect((await ws('core_webservice_get_site_info')).status).toBe(429);
    expect((await ws('core_webservice_get_site_info')).status).toBe(500);
    const truncated = await ws('core_webservice_get_site_info');
    expect(() => JSON.parse(truncated.text)).toThrow();
    expect(moodle.stats()).toMatchObject({ served429: 1, served500: 1, servedTruncated: 1 });
  });

  it('should leave out timemodified and cacherev when the token may not update courses', async () => {
    moodle.setFaults({ hideCourseUpdates: true });
    const byField = (await wsJson('core_course_get_courses_by_field')) as { courses: Record<string, unknown>[] };
    expect(byField.courses.every((course) => !('timemodified' in course) && !('cacherev' in course))).toBe(true);
  });

  it('should report a missing key and a changed type when two shapes differ', () => {
    expect(shapeDifferences({ a: 1, b: 'x' }, { a: 1, b: 'y', c: null })).toEqual(['$: keys a,b instead of a,b,c']);
    expect(shapeDifferences([{ a: '1' }], [{ a: 1 }])).toEqual(['$[0].a: string instead of number']);
  });

  it('should escape slashes and non-ASCII like PHP when it answers JSON', async () => {
    const response = await ws('core_course_get_categories');
    expect(response.text).toContain('\\u062f');
    expect([...response.text].every((c) => c.charCodeAt(0) < 0x80)).toBe(true);
  });
});
