import { act, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { stubApi } from '../../../testing/fetch-stub';
import { FakeEventSource } from '../../../testing/fake-event-source';
import { makeActiveRun, makeCounts, makeRun, makeSource } from '../../../testing/fixtures';
import { renderApp } from '../../../testing/render';

describe('server events', () => {
  beforeEach(() => {
    FakeEventSource.reset();
    vi.stubGlobal('EventSource', FakeEventSource);
  });

  afterEach(() => {
    vi.useRealTimers();
  });

  it('should update the card in place when a run.progress event arrives', async () => {
    const api = stubApi({ 'GET /api/sources': () => [makeSource({ activeRun: makeActiveRun() })] });
    await renderApp();
    const card = await screen.findByRole('article', { name: 'اعضای هیئت علمی' });
    const stream = FakeEventSource.latest();
    expect(stream.url).toBe('/api/events');
    act(() => stream.open());

    const progressed = makeActiveRun({ stage: 'saving', percent: 60, messageParams: { page: 4 }, counts: makeCounts({ fetched: 400 }) });
    act(() => stream.emit({ type: 'run.progress', run: progressed }));

    // The query cache notifies React on the next tick.
    await waitFor(() => expect(within(card).getByRole('progressbar')).toHaveAttribute('aria-valuenow', '60'));
    expect(within(card).getByText('ذخیره‌سازی')).toBeInTheDocument();
    expect(within(card).getByText('صفحهٔ ۴')).toBeInTheDocument();
    expect(within(card).getByText('۴۰۰')).toBeInTheDocument();
    // Progress is written into the cache; it costs no request.
    expect(api.callsTo('GET /api/sources')).toHaveLength(1);
  });

  it('should show the final run and refetch the sources when a run.finished event arrives', async () => {
    let sources = [makeSource({ activeRun: makeActiveRun() })];
    const api = stubApi({ 'GET /api/sources': () => sources });
    await renderApp({ lng: 'en' });
    const card = await screen.findByRole('article', { name: 'Faculty members' });
    act(() => FakeEventSource.latest().open());

    const finished = makeRun({ id: '13', status: 'failed', errorKind: 'timeout', errorMessage: 'gave up after 1 h' });
    sources = [makeSource({ lastRun: finished })];
    act(() => FakeEventSource.latest().emit({ type: 'run.finished', run: finished }));

    expect(await within(card).findByText('The run took longer than its time limit and was stopped.')).toBeInTheDocument();
    expect(within(card).queryByRole('progressbar')).not.toBeInTheDocument();
    await expect.poll(() => api.callsTo('GET /api/sources').length).toBe(2);
  });

  it('should ignore an event when its data is not a server event', async () => {
    stubApi({ 'GET /api/sources': () => [makeSource({ activeRun: makeActiveRun() })] });
    await renderApp();
    await screen.findByRole('progressbar');
    const stream = FakeEventSource.latest();
    act(() => stream.open());

    act(() => stream.emit({ type: 'run.progress', run: { id: 13 } } as never));
    act(() => stream.emit({ type: 'run.progress', run: makeActiveRun({ percent: 50 }) }));
    // Only the well-formed event got through.
    await waitFor(() => expect(screen.getByRole('progressbar')).toHaveAttribute('aria-valuenow', '50'));
  });

  it('should poll the sources every 2 s until the run is final when the stream is down', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    let sources = [makeSource({ activeRun: makeActiveRun() })];
    const api = stubApi({ 'GET /api/sources': () => sources });
    await renderApp();
    await screen.findByRole('progressbar');
    act(() => FakeEventSource.latest().fail());

    await act(() => vi.advanceTimersByTimeAsync(2_100));
    expect(api.callsTo('GET /api/sources')).toHaveLength(2);

    sources = [makeSource({ lastRun: makeRun({ id: '13' }) })];
    await act(() => vi.advanceTimersByTimeAsync(2_100));
    expect(api.callsTo('GET /api/sources')).toHaveLength(3);
    expect(screen.queryByRole('progressbar')).not.toBeInTheDocument();

    // The run is final: polling stops.
    await act(() => vi.advanceTimersByTimeAsync(6_000));
    expect(api.callsTo('GET /api/sources')).toHaveLength(3);
  });

  it('should not poll when the stream is open', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    const api = stubApi({ 'GET /api/sources': () => [makeSource({ activeRun: makeActiveRun() })] });
    await renderApp();
    await screen.findByRole('progressbar');
    act(() => FakeEventSource.latest().open());

    await act(() => vi.advanceTimersByTimeAsync(6_000));
    expect(api.callsTo('GET /api/sources')).toHaveLength(1);
    expect(screen.getByText('به‌روزرسانی زنده فعال است')).toBeInTheDocument();
  });

  it('should refetch the sources when the stream opens again after an outage', async () => {
    const api = stubApi({ 'GET /api/sources': () => [makeSource()] });
    await renderApp();
    await screen.findByRole('article', { name: 'اعضای هیئت علمی' });
    const stream = FakeEventSource.latest();
    act(() => stream.open());
    act(() => stream.fail());
    expect(await screen.findByText('به‌روزرسانی زنده در دسترس نیست؛ اجراهای در جریان هر ۲ ثانیه بررسی می‌شوند')).toBeInTheDocument();

    act(() => stream.open());
    await expect.poll(() => api.callsTo('GET /api/sources').length).toBe(2);
  });
});
