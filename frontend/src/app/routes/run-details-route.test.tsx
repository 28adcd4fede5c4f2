import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { errorBody, reply, stubApi } from '../../testing/fetch-stub';
import { makeActiveRun, makeCounts, makeRun } from '../../testing/fixtures';
import { renderApp } from '../../testing/render';

const NO_REJECTIONS = { items: [], total: 0, page: 1, pageSize: 20 };

const failedRun = makeRun({
  id: '21',
  status: 'failed',
  trigger: 'schedule',
  triggeredBy: 'scheduler',
  errorKind: 'upstream',
  errorMessage: 'gateway answered 503',
  counts: makeCounts({ fetched: 50, rejected: 2 }),
});

describe('run details route', () => {
  it('should show every field, the rejections and the log when a finished run is opened', async () => {
    stubApi({
      'GET /api/runs/21': () => failedRun,
      'GET /api/runs/21/rejections': () => ({
        items: [
          { key: '0012345678', table: null, terms: [], reasons: [{ code: 'invalid_national_code', params: { value: '0012345678' }, text: 'x' }] },
          { key: '0099999999', table: null, terms: [], reasons: [{ code: null, params: {}, text: 'missing last name' }] },
        ],
        total: 2,
        page: 1,
        pageSize: 20,
      }),
      'GET /api/runs/21/log': () => ({
        runId: '21',
        truncated: false,
        lines: [{ seq: 1, at: '2026-11-23T10:30:01+03:30', level: 'error', message: 'POST /API/Golestan/Faculty → 503' }],
      }),
    });
    await renderApp({ route: '/runs/21', lng: 'en' });

    expect(await screen.findByRole('heading', { level: 1, name: 'Run 21' })).toBeInTheDocument();
    expect(await screen.findByText('The Golestan gateway answered with an error, even after the run retried.')).toBeInTheDocument();
    expect(screen.getByText('gateway answered 503')).toBeInTheDocument();
    expect(screen.getByText('Schedule')).toBeInTheDocument();
    expect(screen.getByText('2026-11-23 10:30:00')).toBeInTheDocument();
    const rejections = screen.getByRole('region', { name: 'Rejected records' });
    expect(await within(rejections).findByText('2 records rejected')).toBeInTheDocument();
    expect(within(rejections).getByText('The national code 0012345678 is not valid (wrong length or check digit).')).toBeInTheDocument();
    expect(within(rejections).getByText('missing last name')).toBeInTheDocument();
    const log = screen.getByRole('region', { name: 'Run log' });
    expect(await within(log).findByText('POST /API/Golestan/Faculty → 503')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Cancel run' })).not.toBeInTheDocument();
  });

  it('should show a progressbar and a Cancel button when the run is active', async () => {
    stubApi({
      'GET /api/runs/13': () => makeActiveRun(),
      'GET /api/runs/13/rejections': () => NO_REJECTIONS,
      'GET /api/runs/13/log': () => ({ runId: '13', truncated: false, lines: [] }),
    });
    await renderApp({ route: '/runs/13' });

    expect(await screen.findByRole('heading', { level: 1, name: 'اجرای ۱۳' })).toBeInTheDocument();
    expect(await screen.findByRole('progressbar')).toHaveAttribute('aria-valuenow', '42');
    expect(screen.getByRole('button', { name: 'لغو اجرا' })).toBeInTheDocument();
    expect(await screen.findByText('رکوردی رد نشده است.')).toBeInTheDocument();
  });

  it('should show a cancelled run once as cancelled, with who, why and the counts it stored, not as an error', async () => {
    const cancelled = makeRun({
      id: '22',
      status: 'cancelled',
      stage: 'fetching',
      percent: 40,
      cancelledBy: 'admin',
      cancelReason: 'wrong term list',
      errorKind: 'cancelled',
      errorMessage: 'cancelled by admin',
      counts: makeCounts({ fetched: 40, inserted: 30, rejected: 10 }),
    });
    stubApi({
      'GET /api/runs/22': () => cancelled,
      'GET /api/runs/22/rejections': () => NO_REJECTIONS,
      'GET /api/runs/22/log': () => ({ runId: '22', truncated: false, lines: [] }),
    });
    await renderApp({ route: '/runs/22', lng: 'en' });

    const summary = await screen.findByRole('region', { name: 'Run details' });
    expect(within(summary).getAllByText('Cancelled')).toHaveLength(1);
    expect(within(summary).getByText('wrong term list')).toBeInTheDocument();
    expect(within(summary).queryByText('Error kind')).not.toBeInTheDocument();
    expect(within(summary).queryByText('cancelled by admin')).not.toBeInTheDocument();
    expect(within(summary).queryByText('Message')).not.toBeInTheDocument();
    const rejected = within(summary).getByText('Rejected').closest('div')!;
    expect(within(rejected).getByText('10')).toBeInTheDocument();
  });

  it('should say what each Moodle count counts, since fetched and inserted count different things', async () => {
    const moodleRun = makeRun({ id: '23', sourceId: 'moodle', counts: makeCounts({ fetched: 312, inserted: 384 }) });
    stubApi({
      'GET /api/runs/23': () => moodleRun,
      'GET /api/runs/23/rejections': () => NO_REJECTIONS,
      'GET /api/runs/23/log': () => ({ runId: '23', truncated: false, lines: [] }),
    });
    await renderApp({ route: '/runs/23', lng: 'en' });

    const summary = await screen.findByRole('region', { name: 'Run details' });
    expect(within(summary).getByText(/These counts do not add up/)).toBeInTheDocument();
    expect(within(summary).getByText('Categories, courses and enrolments read from Moodle')).toBeInTheDocument();
    expect(within(summary).getByText('Rows added to categories, courses, contents, users and enrolments')).toBeInTheDocument();
  });

  it('should say what failed in words, link to the connection settings, keep the message under details and run again', async () => {
    const refused = makeRun({
      id: '24',
      sourceId: 'students',
      mode: 'recent',
      status: 'failed',
      errorKind: 'network',
      errorMessage: 'connect ECONNREFUSED 10.0.0.5:443',
    });
    const api = stubApi({
      'GET /api/runs/24': () => refused,
      'GET /api/runs/24/rejections': () => NO_REJECTIONS,
      'GET /api/runs/24/log': () => ({ runId: '24', truncated: false, lines: [] }),
      'POST /api/sources/students/runs': () => reply(202, makeActiveRun({ id: '25', sourceId: 'students' })),
      'GET /api/runs/25': () => makeActiveRun({ id: '25', sourceId: 'students' }),
      'GET /api/runs/25/rejections': () => NO_REJECTIONS,
      'GET /api/runs/25/log': () => ({ runId: '25', truncated: false, lines: [] }),
    });
    const { user, router } = await renderApp({ route: '/runs/24', lng: 'fa' });

    expect(await screen.findByText('دسترسی به درگاه گلستان ممکن نشد: اتصال رد یا قطع شد.')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'نشانی را در تنظیمات ← اتصال بررسی کنید' })).toHaveAttribute('href', '/?settings=students&tab=connection');
    expect(screen.getByText('connect ECONNREFUSED 10.0.0.5:443').closest('details')).not.toHaveAttribute('open');
    expect(screen.getByText('جزئیات')).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'اجرای دوباره' }));

    await expect.poll(() => api.callsTo('POST /api/sources/students/runs').map((call) => call.body)).toEqual([{ trigger: 'manual', mode: 'recent' }]);
    await expect.poll(() => router.state.location.pathname).toBe('/runs/25');
  });

  it.each([
    ['fa', 'درگاه گلستان حتی پس از تلاش‌های دوباره پاسخ خطا داد. اجرا پیش از توقف ۴ بار دوباره تلاش کرد.'],
    ['en', 'The Golestan gateway answered with an error, even after the run retried. The run retried 4 times before it stopped.'],
  ] as const)('should say how many times the run retried when it failed after retries, in %s', async (lng, sentence) => {
    const limited = makeRun({ id: '26', status: 'failed', errorKind: 'upstream', errorMessage: 'gateway answered 429 (gave up after 5 attempts)', retries: 4 });
    stubApi({
      'GET /api/runs/26': () => limited,
      'GET /api/runs/26/rejections': () => [],
      'GET /api/runs/26/log': () => ({ runId: '26', truncated: false, lines: [] }),
    });
    await renderApp({ route: '/runs/26', lng });

    const summary = (await screen.findByText(sentence.split('. ')[0] + '.')).closest('p')!;
    expect(summary).toHaveTextContent(sentence);
  });

  it.each([
    [
      'fa',
      'درگاه گلستان تعداد درخواست‌ها را محدود کرده است و حتی پس از صبر و تلاش‌های دوباره نپذیرفت. اجرا پیش از توقف ۵ بار دوباره تلاش کرد.',
      'اجرا را در تنظیمات ← زمان‌بندی به ساعتی خلوت‌تر ببرید',
    ],
    [
      'en',
      'The Golestan gateway is limiting how often it may be called and still refused after the run waited and retried. The run retried 5 times before it stopped.',
      'Run it at a quieter hour in Settings → Schedule',
    ],
  ] as const)('should say the upstream is rate-limiting, how often the run retried and what to do, in %s', async (lng, sentence, action) => {
    const limited = makeRun({
      id: '27',
      status: 'failed',
      errorKind: 'rate_limited',
      errorMessage: 'gateway answered 429 (gave up after 6 attempts)',
      retries: 5,
    });
    stubApi({
      'GET /api/runs/27': () => limited,
      'GET /api/runs/27/rejections': () => [],
      'GET /api/runs/27/log': () => ({ runId: '27', truncated: false, lines: [] }),
    });
    await renderApp({ route: '/runs/27', lng });

    const summary = (await screen.findByText(sentence.split('. ')[0] + '.')).closest('p')!;
    expect(summary).toHaveTextContent(sentence);
    expect(screen.getByRole('link', { name: action })).toHaveAttribute('href', '/?settings=faculty&tab=schedule');
  });

  it('should not speak of retries when the run failed without retrying', async () => {
    stubApi({
      'GET /api/runs/21': () => failedRun,
      'GET /api/runs/21/rejections': () => [],
      'GET /api/runs/21/log': () => ({ runId: '21', truncated: false, lines: [] }),
    });
    await renderApp({ route: '/runs/21', lng: 'en' });
    await screen.findByText('Details');
    expect(screen.queryByText(/retried \d/)).not.toBeInTheDocument();
  });

  it('should say the run was not found when the server answers 404', async () => {
    stubApi({ 'GET /api/runs/999': () => reply(404, errorBody(404, 'run 999 not found')) });
    await renderApp({ route: '/runs/999', lng: 'en' });

    expect(await screen.findByText('This run was not found.')).toBeInTheDocument();
  });
});
