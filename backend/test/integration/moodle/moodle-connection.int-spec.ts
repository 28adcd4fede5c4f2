import { readFileSync } from 'node:fs';
import type { MoodleStandIn } from '@hamgam/stand-ins';
import type { ConnectionTestResult, Source } from '@hamgam/shared';
import type { TestApp } from '../helpers/test-app';
import { startMoodleTestBed } from './moodle-helpers';

const NEW_TOKEN = 'feedfacefeedfacefeedfacefeedface';

describe('testing the Moodle connection through the API', () => {
  let moodle: MoodleStandIn;
  let t: TestApp;

  beforeAll(async () => {
    ({ moodle, t } = await startMoodleTestBed({ courses: 2, users: 5 }));
  });

  afterEach(() => moodle.resetFaults());

  afterAll(async () => {
    await t.close();
    await moodle.close();
  });

  const test = async (body: object = {}) => (await t.http().post('/api/sources/moodle/test-connection').send(body).expect(200)).body as ConnectionTestResult;

  it('should show the site name, release and allowed functions when the stored settings work', async () => {
    const result = await test();

    expect(result).toMatchObject({
      isOk: true,
      errorKind: null,
      message: null,
      system: { name: 'سامانهٔ آموزش مجازی دانشگاه (نمایشی)', version: '4.3 (Build: 20231009)', url: moodle.url, user: moodle.username },
    });
    expect(result.checks).toHaveLength(5);
    expect(result.checks.every((check) => check.isAllowed)).toBe(true);
    expect(JSON.stringify(result)).not.toContain(moodle.token);
  });

  it('should list the functions the service lacks and fail with kind auth when some are taken out', async () => {
    moodle.setFaults({ withoutFunctions: ['core_course_get_contents'] });

    const result = await test();

    expect(result).toMatchObject({ isOk: false, errorKind: 'auth' });
    expect(result.checks.find((check) => check.name === 'core_course_get_contents')).toEqual({ name: 'core_course_get_contents', isAllowed: false });
    expect(result.message).toContain('core_course_get_contents');
  });

  it('should test an unsaved token without saving it when one is sent', async () => {
    const result = await test({ connection: { token: '0123456789abcdef0123456789abcdef' } });

    expect(result).toMatchObject({ isOk: false, errorKind: 'auth', system: null });
    expect(result.message).toContain('invalidtoken');
    expect(result.message).not.toContain('0123456789abcdef0123456789abcdef');
    expect((await test()).isOk).toBe(true);
  });

  it('should exchange an unsaved user name and password for a token when no token is stored', async () => {
    await t
      .http()
      .patch('/api/sources/moodle')
      .send({ connection: { token: '' } })
      .expect(200);

    const result = await test({ connection: { baseUrl: `${moodle.url}/`, username: moodle.username, password: moodle.password } });

    expect(result.isOk).toBe(true);
    expect(moodle.stats().tokenRequests).toBe(1);
    await t
      .http()
      .patch('/api/sources/moodle')
      .send({ connection: { token: moodle.token } })
      .expect(200);
  });

  it('should not send the stored token to another address when only the base URL changes', async () => {
    const other = 'http://127.0.0.1:9/';
    const result = await test({ connection: { baseUrl: other } });

    expect(result).toMatchObject({ isOk: false, errorKind: 'auth' });
    expect(result.message).toMatch(/no token/);
  });

  it('should test without the stored token when the form is removing it (an empty token sent)', async () => {
    const result = await test({ connection: { token: '' } });

    expect(result).toMatchObject({ isOk: false, errorKind: 'auth' });
    expect(result.message).toMatch(/no token/);
    expect((await test()).isOk).toBe(true);
  });

  it('should say web services are off when the site answers 403 with an empty body', async () => {
    moodle.setFaults({ restDisabled: true });
    const result = await test();
    expect(result).toMatchObject({ isOk: false, errorKind: 'upstream' });
    expect(result.message).toMatch(/web services or the REST protocol are turned off/);
  });

  it('should answer 400 for a source that cannot test and 404 for an unknown one', async () => {
    await t.http().post('/api/sources/nope/test-connection').send({}).expect(404);
    await t
      .http()
      .post('/api/sources/moodle/test-connection')
      .send({ connection: { baseUrl: 'not a url' } })
      .expect(400);
  });

  it('should save checked options and refuse bad ones naming the field when an admin edits them', async () => {
    const saved = (
      await t
        .http()
        .patch('/api/sources/moodle')
        .send({ options: { service: 'hamgam_sync' } })
        .expect(200)
    ).body as Source & { options: Record<string, unknown> };
    expect(saved.options.service).toBe('hamgam_sync');
    const refused = await t
      .http()
      .patch('/api/sources/moodle')
      .send({ options: { concurrency: 99 } })
      .expect(400);
    expect(refused.body.fields['options.concurrency'].length).toBeGreaterThan(0);
  });

  it('should store a new token encrypted and only ever say that one is set when it is saved', async () => {
    const sources = (await t.http().get('/api/sources').expect(200)).body as Source[];
    const before = sources.find((source) => source.id === 'moodle')!;
    expect(before).toMatchObject({ canTestConnection: true, modes: ['full', 'recent'], connection: { hasToken: true } });
    expect(sources.find((source) => source.id === 'faculty')!.canTestConnection).toBe(true);

    const saved = (
      await t
        .http()
        .patch('/api/sources/moodle')
        .send({ connection: { token: NEW_TOKEN } })
        .expect(200)
    ).body as Source;

    expect(saved.connection).toEqual({ baseUrl: moodle.url, username: '', hasPassword: false, hasToken: true });
    expect(JSON.stringify(saved)).not.toContain(NEW_TOKEN);
    if (t.dialect === 'sqlite') expect(readFileSync(t.config.databasePath).includes(Buffer.from(NEW_TOKEN))).toBe(false);
    expect(JSON.stringify(await t.sql.all('SELECT * FROM sources'))).not.toContain(NEW_TOKEN);
    expect((await test()).message).toContain('invalidtoken');
    await t
      .http()
      .patch('/api/sources/moodle')
      .send({ connection: { token: moodle.token } })
      .expect(200);
    expect(t.logger.lines.join('\n')).not.toContain(moodle.token);
  });
});
